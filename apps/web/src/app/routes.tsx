/**
 * The page map. Pages load lazily (one chunk per feature) so the first screen stays small; guarded
 * pages wrap themselves in `RequireAuth`.
 */
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './layout';
import { NotFoundPage } from './not-found.page';
import { RouteError } from './route-error';
import { Loading } from '../ui/query-state';

const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    // Shown while the first page's chunk loads.
    hydrateFallbackElement: <Loading />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('../features/home/home.page')).HomePage }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('../features/auth/login.page')).LoginPage }),
      },
      {
        path: 'sign-up',
        lazy: async () => ({ Component: (await import('../features/auth/sign-up.page')).SignUpPage }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('../features/auth/password-reset.page')).ForgotPasswordPage,
        }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('../features/auth/password-reset.page')).ResetPasswordPage,
        }),
      },
      {
        path: 'apply',
        lazy: async () => ({ Component: (await import('../features/applications/apply.page')).ApplyPage }),
      },
      {
        path: 'applications',
        lazy: async () => ({
          Component: (await import('../features/applications/my-applications.page')).MyApplicationsPage,
        }),
      },
      {
        path: 'applications/:id',
        lazy: async () => ({
          Component: (await import('../features/applications/application.page')).ApplicationPage,
        }),
      },
      {
        path: 'applications/:id/edit',
        lazy: async () => ({
          Component: (await import('../features/applications/edit-application.page')).EditApplicationPage,
        }),
      },
      {
        path: 'registry',
        lazy: async () => ({
          Component: (await import('../features/registry/my-registrations.page')).MyRegistrationsPage,
        }),
      },
      {
        path: 'registry/resources/new',
        lazy: async () => ({
          Component: (await import('../features/registry/resource-wizard.page')).ResourceWizardPage,
        }),
      },
      {
        path: 'registry/resources/:id/edit',
        lazy: async () => ({
          Component: (await import('../features/registry/resource-wizard.page')).ResourceWizardPage,
        }),
      },
      {
        path: 'registry/products/new',
        lazy: async () => ({
          Component: (await import('../features/registry/product-wizard.page')).ProductWizardPage,
        }),
      },
      {
        path: 'registry/products/:id/edit',
        lazy: async () => ({
          Component: (await import('../features/registry/product-wizard.page')).ProductWizardPage,
        }),
      },
      {
        path: 'registry/cases/:id',
        lazy: async () => ({ Component: (await import('../features/registry/case.page')).CasePage }),
      },
      {
        path: 'organization',
        lazy: async () => ({
          Component: (await import('../features/organization/organization.page')).OrganizationPage,
        }),
      },
      {
        path: 'review',
        lazy: async () => ({
          Component: (await import('../features/review/review-queue.page')).ReviewQueuePage,
        }),
      },
      {
        path: 'review/:id',
        lazy: async () => ({
          Component: (await import('../features/review/review-decision.page')).ReviewDecisionPage,
        }),
      },
      {
        path: 'admin/users',
        lazy: async () => ({
          Component: (await import('../features/admin/users.page')).UsersAdminPage,
        }),
      },
      {
        path: 'participants',
        lazy: async () => ({
          Component: (await import('../features/participants/directory.page')).DirectoryPage,
        }),
      },
      {
        path: 'participants/:id',
        lazy: async () => ({
          Component: (await import('../features/participants/participant.page')).ParticipantPage,
        }),
      },
      {
        path: 'verify',
        lazy: async () => ({ Component: (await import('../features/verify/verify.page')).VerifyPage }),
      },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('../features/account/account.page')).AccountPage }),
      },
      {
        path: 'registration-review',
        lazy: async () => ({
          Component: (await import('../features/registration-review/queue.page')).RegistrationQueuePage,
        }),
      },
      {
        path: 'registration-review/:id',
        lazy: async () => ({
          Component: (await import('../features/registration-review/case.page')).RegistrationCasePage,
        }),
      },
      {
        path: 'notices',
        lazy: async () => ({ Component: (await import('../features/notices/notices.page')).NoticesPage }),
      },
      {
        path: 'certificates/:number',
        lazy: async () => ({
          Component: (await import('../features/certificates/certificate.page')).CertificatePage,
        }),
      },
      {
        path: 'catalog',
        lazy: async () => ({ Component: (await import('../features/catalog/catalog.page')).CatalogPage }),
      },
      {
        path: 'catalog/products/:id',
        lazy: async () => ({ Component: (await import('../features/catalog/product.page')).ProductPage }),
      },
      {
        path: 'datasets',
        lazy: async () => ({ Component: (await import('../features/datasets/datasets.page')).DatasetsPage }),
      },
      {
        path: 'datasets/:id',
        lazy: async () => ({ Component: (await import('../features/datasets/dataset.page')).DatasetPage }),
      },
      {
        path: 'samples/:sampleId',
        lazy: async () => ({ Component: (await import('../features/datasets/sample.page')).SamplePage }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** The router of the web app. */
export const router = createBrowserRouter(routes);
