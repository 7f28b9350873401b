/**
 * Shapes of the registration engine's answers as the workbench and the notice page read them, from
 * the generated SDK (apps/server/src/modules/registration/registration.schemas.ts).
 */
import type { Schemas } from '../../app/sdk';

/** A case as the queue lists it. */
export type CaseListItem = Schemas['RegistrationCaseSummary'];
/** A page of cases with the total matching count. */
export type CasePage = Schemas['RegistrationCaseList'];
/** A case with everything the reviewer needs. */
export type RegistrationCase = Schemas['RegistrationCase'];
/** One item of a case's compliance checklist, with the template's words. */
export type ChecklistItem = RegistrationCase['checklist'][number];
/** An objection (异议) filed during publicity. */
export type Objection = RegistrationCase['objections'][number];
/** One step of a case's history. */
export type CaseEvent = RegistrationCase['timeline'][number];
/** A case on the public notice page (personal data masked by the server). */
export type Notice = Schemas['RegistrationNotice'];
