/**
 * Stable error codes and their messages in zh-CN and en. The server answers with the code and the
 * message in the caller's language; the web app may show its own text for a code. Messages say what
 * to do, not only what went wrong. `{name}` placeholders are filled from the error's details.
 */
export const ERROR_MESSAGES = {
  'http.bad_json': {
    zh: '请求体不是合法的 JSON，请检查格式后重试。',
    en: 'The request body is not valid JSON; check its syntax and retry.',
  },
  'http.validation_failed': {
    zh: '请求内容有误，请按提示修改后重试。',
    en: 'Some fields are invalid; correct them as indicated and retry.',
  },
  'http.payload_too_large': {
    zh: '请求体过大（上限 {limit} 字节），请缩小后重试。',
    en: 'The request body is too large (limit {limit} bytes); send less.',
  },
  'http.not_found': { zh: '请求的地址不存在。', en: 'No such endpoint.' },
  'http.method_not_allowed': { zh: '该地址不支持此请求方法。', en: 'This method is not allowed here.' },
  'http.unsupported_media_type': {
    zh: '请求体类型不受支持，请使用 {expected}。',
    en: 'Unsupported content type; use {expected}.',
  },
  'http.internal': {
    zh: '服务器内部错误，请稍后重试；如持续出现请联系平台运营方并提供请求编号。',
    en: 'Internal error; retry later, and if it persists contact the operator with the request id.',
  },
  'auth.unauthenticated': { zh: '请先登录。', en: 'Please sign in first.' },
  'auth.forbidden': { zh: '您没有执行此操作的权限。', en: 'You are not allowed to do this.' },
  'auth.csrf_failed': {
    zh: '请求来源校验失败，请刷新页面后重试。',
    en: 'Cross-site request check failed; reload the page and retry.',
  },
  'auth.invalid_credentials': { zh: '邮箱或密码错误。', en: 'Wrong email or password.' },
  'auth.locked': {
    zh: '登录失败次数过多，账号已临时锁定，请在 {minutes} 分钟后重试或重置密码。',
    en: 'Too many failed sign-ins; the account is locked for {minutes} minutes. Retry later or reset your password.',
  },
  'auth.rate_limited': {
    zh: '请求过于频繁，请稍后再试。',
    en: 'Too many requests; slow down and retry shortly.',
  },
  'auth.email_taken': {
    zh: '该邮箱已注册，请直接登录或找回密码。',
    en: 'This email is already registered; sign in or reset your password.',
  },
  'auth.weak_password': {
    zh: '密码至少 10 位，且不能与邮箱相同。',
    en: 'Passwords need at least 10 characters and must differ from the email.',
  },
  'auth.wrong_password': { zh: '当前密码不正确。', en: 'The current password is wrong.' },
  'auth.reset_token_invalid': {
    zh: '重置链接无效或已过期，请重新申请。',
    en: 'The reset link is invalid or expired; request a new one.',
  },
  'auth.token_invalid': {
    zh: 'API 令牌无效、已过期或已撤销。',
    en: 'The API token is invalid, expired or revoked.',
  },
  'auth.token_scope': {
    zh: '该 API 令牌的权限范围不包含此操作（需要 {scope}）。',
    en: 'This API token lacks the scope for this operation (needs {scope}).',
  },
  'accounts.user.not_found': { zh: '用户不存在。', en: 'No such user.' },
  'accounts.token.not_found': { zh: 'API 令牌不存在。', en: 'No such API token.' },
  'accounts.organization.not_found': {
    zh: '组织不存在或您无权查看。',
    en: 'No such organization, or you may not see it.',
  },
  'accounts.membership.exists': { zh: '该用户已是组织成员。', en: 'This user is already a member.' },
  'accounts.membership.last_owner': {
    zh: '组织至少需要保留一名所有者。',
    en: 'An organization must keep at least one owner.',
  },
  'accounts.platform_roles.self_demotion': {
    zh: '不能撤销您自己的交易所管理员角色，请由另一位管理员操作。',
    en: 'You cannot withdraw your own exchange admin role; ask another exchange admin.',
  },
  'accounts.platform_roles.last_admin': {
    zh: '平台至少需要保留一名交易所管理员，请先为他人授予该角色。',
    en: 'The platform must keep at least one exchange admin; grant the role to someone else first.',
  },
  'participants.credit_code.invalid': {
    zh: '统一社会信用代码无效：{problem}。请核对营业执照上的 18 位代码。',
    en: 'Invalid unified social credit code: {problem}. Check the 18-character code on the business licence.',
  },
  'participants.credit_code.taken': {
    zh: '该统一社会信用代码已登记（一主体一登记），请联系该主体的管理员加入组织。',
    en: 'This credit code is already registered (one entity, one registration); ask that organization’s admin to add you.',
  },
  'participants.organization.already_applied': {
    zh: '该组织已有进行中的登记申请或已完成登记，请在原申请中修改。',
    en: 'This organization already has an application in progress or is registered; change that application instead.',
  },
  'participants.division_code.invalid': {
    zh: '行政区划代码无效，请填写 6 位数字代码。',
    en: 'Invalid administrative division code; use the 6-digit code.',
  },
  'participants.commitments.missing': {
    zh: '请确认所申请角色要求的全部承诺：{missing}。',
    en: 'Confirm every commitment the requested roles require: {missing}.',
  },
  'participants.application.not_found': {
    zh: '登记申请不存在或您无权查看。',
    en: 'No such application, or you may not see it.',
  },
  'participants.application.illegal_transition': {
    zh: '当前状态“{from}”下不能执行“{action}”。',
    en: 'Cannot {action} an application that is {from}.',
  },
  'participants.application.reason_required': {
    zh: '驳回或退回时必须填写原因。',
    en: 'A reason is required to reject or return.',
  },
  'participants.participant.not_found': { zh: '参与主体不存在。', en: 'No such participant.' },
  'participants.participant.illegal_transition': {
    zh: '当前状态“{from}”下不能执行“{action}”。',
    en: 'Cannot {action} a participant that is {from}.',
  },
  'participants.attachment.not_found': {
    zh: '附件不存在或您无权查看。',
    en: 'No such attachment, or you may not see it.',
  },
  'participants.attachment.too_large': {
    zh: '附件过大（上限 {limit} 字节）。',
    en: 'The attachment is too large (limit {limit} bytes).',
  },
  'participants.attachment.type_not_allowed': {
    zh: '附件类型不受支持，请上传 PDF、JPG 或 PNG。',
    en: 'Unsupported attachment type; upload PDF, JPG or PNG.',
  },
  // catalog (上架 / 下架, search, product page)
  'catalog.product.not_found': {
    zh: '产品不存在、未上架或您无权查看。',
    en: 'No such product in the catalog, or you may not see it.',
  },
  'catalog.not_certified': {
    zh: '产品尚未登记或其登记证书不在有效状态，请先完成产品登记（证书有效）后再上架。',
    en: 'The product is not registered or its certificate is not in force; complete registration first.',
  },
  'catalog.listing.already_listed': {
    zh: '产品已上架，无需重复上架；如需更新请先下架。',
    en: 'The product is already listed; delist it first to list it again.',
  },
  'catalog.listing.not_listed': {
    zh: '产品当前未上架，无法下架。',
    en: 'The product is not listed, so it cannot be delisted.',
  },
  'catalog.listing.reason_required': {
    zh: '交易所工作人员下架产品时必须填写原因。',
    en: 'Exchange staff must give a reason to delist a product.',
  },
  'catalog.query_too_long': {
    zh: '搜索词过长（上限 {max} 个字符），请缩短后重试。',
    en: 'The search text is too long (at most {max} characters); shorten it.',
  },
  // registry (数据资源 / 数据产品 and their drafts)
  'registry.participant_required': {
    zh: '该组织须为状态正常的已登记参与主体，且具有数据提供方或数据商角色，才能登记数据资源或产品；请先完成主体登记。',
    en: 'The organization must be an active registered participant with the provider or merchant role; complete participant registration first.',
  },
  'registry.resource.not_found': {
    zh: '数据资源不存在或您无权查看。',
    en: 'No such data resource, or you may not see it.',
  },
  'registry.product.not_found': {
    zh: '数据产品不存在或您无权查看。',
    en: 'No such data product, or you may not see it.',
  },
  'registry.version_conflict': {
    zh: '内容已被他人修改（当前版本 {current}），请刷新后在最新版本上重新编辑。',
    en: 'Someone else changed this (current version {current}); reload and edit the latest version.',
  },
  'registry.subject_locked': {
    zh: '当前状态（{status}）下不能修改：登记办理中的内容须待办结或撤回后再编辑。',
    en: 'It cannot be changed while {status}; wait for the registration case to end or withdraw it.',
  },
  'registry.not_deletable': {
    zh: '只有从未提交过的草稿可以删除；已提交或已登记的请办理注销。',
    en: 'Only drafts never submitted can be deleted; cancel a submitted or registered one instead.',
  },
  'registry.core_data_not_tradable': {
    zh: '核心数据不得登记用于流通交易（GB/T 43697-2024），请核实分级；如确属核心数据，不能在本平台登记。',
    en: 'Core data cannot be registered for trading (GB/T 43697-2024); check the grade. Core data cannot be registered here.',
  },
  'registry.description_incomplete': {
    zh: '登记内容不完整或有误，请按提示补全后再提交。',
    en: 'The description is incomplete or invalid; complete the indicated fields before submitting.',
  },
  'registry.product_name.invalid': {
    zh: '产品名称不符合命名规则“提供方·主题·形态·粒度”（问题：{problem}），例如“数流科技·城市道路交通流量·数据集·路段级逐小时”。',
    en: 'The product name breaks the rule “provider·subject·form·granularity” ({problem}); e.g. “数流科技·城市道路交通流量·数据集·路段级逐小时”.',
  },
  'registry.product.delivery_mismatch': {
    zh: '交付方式与产品形态不符：{form} 形态不支持 {invalid}，请改选该形态允许的交付方式。',
    en: 'Delivery methods do not fit the form: {form} does not allow {invalid}; choose methods that fit.',
  },
  'registry.product.scenario_required': {
    zh: '请至少填写一个具体的应用场景。',
    en: 'Describe at least one concrete use scenario.',
  },
  'registry.product.sample_required': {
    zh: '请上传样例文件或填写示例响应。',
    en: 'Attach a sample file or give an example response.',
  },
  'registry.product.api_required': {
    zh: '接口类产品须填写接口地址与调用方式。',
    en: 'API products need an endpoint and method.',
  },
  'registry.product.pricing_invalid': {
    zh: '定价有误：公益免费产品价格须为 0，其他定价方式价格须大于 0。',
    en: 'Invalid price: free public-welfare products cost 0; other pricing models need a price above 0.',
  },
  'registry.product.grade_too_low': {
    zh: '产品分级（{grade}）不得低于其来源数据资源的最高分级（{required}），请按“就高从严”调整。',
    en: 'The product grade ({grade}) may not be lower than its resources’ highest grade ({required}); grade it higher.',
  },
  'registry.rights_chain.invalid': {
    zh: '权利链有误：数据资源 {resourceId}（{problem}）。来源资源须已登记，且属于本组织或附有授权许可材料。',
    en: 'Rights chain problem with resource {resourceId} ({problem}): sources must be registered and either yours or licensed with evidence.',
  },
  'registry.connectivity_required': {
    zh: '接口类产品须在最近一次修改后通过在线连通性测试，请先执行连通性测试。',
    en: 'API products must pass an online connectivity test after their last change; run the test first.',
  },
  'registry.connectivity.no_endpoint': {
    zh: '请先在产品描述中填写接口地址并保存。',
    en: 'Save an API endpoint in the product description first.',
  },
  'registry.connectivity.bad_url': {
    zh: '接口地址须为 http 或 https 网址。',
    en: 'The endpoint must be an http or https URL.',
  },
  'registry.connectivity.private_address': {
    zh: '接口地址指向内网或本机地址，出于安全考虑不予测试，请使用可公开访问的地址。',
    en: 'The endpoint resolves to a private or loopback address and is not tested for safety; use a publicly reachable address.',
  },
  'registry.attachment.invalid': {
    zh: '引用的附件不存在或不是本组织成员上传的：{ids}。',
    en: 'Referenced attachments do not exist or were not uploaded by your organization: {ids}.',
  },
  'registry.dataset.not_found': {
    zh: '引用的数据集 {datasetId} 第 {versionNumber} 版不存在或不属于本组织，请从本组织的数据集中重新选择版本。',
    en: 'Dataset {datasetId} version {versionNumber} does not exist or is not your organization’s; pick a version of one of your datasets.',
  },
  'registry.dataset.not_ready': {
    zh: '数据集 {datasetId} 第 {versionNumber} 版尚未处理完成（状态：{state}），请等待处理完成，或选择已就绪的版本。',
    en: 'Dataset {datasetId} version {versionNumber} is not processed (state: {state}); wait for it, or pick a ready version.',
  },
  'registry.dataset.sample_not_published': {
    zh: '样例 {sampleId} 不是数据集 {datasetId} 已发布的样例，请先在数据集中发布该样例，或选择已发布的样例。',
    en: 'Sample {sampleId} is not a published sample of dataset {datasetId}; publish it in the dataset first, or pick a published one.',
  },
  'registry.personal_information_undeclared': {
    zh: '数据项含个人信息或敏感个人信息，须将“含个人信息”标记为是。',
    en: 'Data items hold (sensitive) personal information; mark the resource as containing personal information.',
  },
  'credentials.status_list.not_found': { zh: '状态列表不存在。', en: 'No such status list.' },
  'credentials.status.index_not_issued': {
    zh: '该状态位尚未分配给任何凭证。',
    en: 'This status index was never issued.',
  },
  'credentials.status.purpose_mismatch': {
    zh: '状态列表的用途（撤销/暂停）与请求不符。',
    en: 'The status list serves another purpose (revocation/suspension).',
  },
  'credentials.malformed': { zh: '凭证格式错误，无法解析。', en: 'The credential is malformed.' },
  // interop: DCAT-AP export and the CKAN-compatible read API
  'interop.bad_paging': {
    zh: '分页参数 {parameter} 有误：limit 须为 1–{maxLimit} 的整数，page 须为正整数，cursor 须取自上一页的 next 链接，page 与 cursor 不能同时使用；大量采集请使用 cursor。',
    en: 'Bad paging parameter {parameter}: limit must be an integer 1–{maxLimit}, page a positive integer, cursor taken from the previous page’s next link, and page and cursor are exclusive; harvest large catalogs with cursor.',
  },
  'interop.bad_modified_since': {
    zh: 'modified_since 须为 ISO 8601 日期或时间，如 2025-01-01 或 2025-01-01T08:00:00Z。',
    en: 'modified_since must be an ISO 8601 date or date-time, e.g. 2025-01-01 or 2025-01-01T08:00:00Z.',
  },
  'interop.dataset.not_found': {
    zh: '数据集 {id} 不存在、未公开或未完成登记；请从目录 /catalog.jsonld 获取可访问的数据集。',
    en: 'Dataset {id} does not exist, is not public or is not registered; list accessible datasets at /catalog.jsonld.',
  },
  // registration (登记: regimes, cases, publicity and objections, certificates)
  'registration.regime.version_conflict': {
    zh: '登记规则已被他人修改（当前版本 {current}），请刷新后在最新版本上修改。',
    en: 'The regime was changed by someone else (current version {current}); reload and edit the latest version.',
  },
  'registration.subject.not_found': {
    zh: '登记对象（数据资源或产品）不存在或您无权办理。',
    en: 'No such data resource or product, or you may not register it.',
  },
  'registration.case.not_found': {
    zh: '登记申请不存在或您无权查看。',
    en: 'No such registration case, or you may not see it.',
  },
  'registration.case_open': {
    zh: '该对象已有办理中的登记申请（{number}），请待其办结或撤回后再申请。',
    en: 'This subject already has an open registration case ({number}); wait for it to end or withdraw it.',
  },
  'registration.case_type_not_allowed': {
    zh: '当前登记状态（{status}）下不能办理“{caseType}”：首次登记仅限从未登记的对象，变更、更正、续期、转移、注销仅限证书有效的已登记对象。',
    en: 'A {caseType} case is not possible while the subject is {status}: initial registration is for never-registered subjects; change, correction, renewal, transfer and cancellation need a registered subject with a certificate in force.',
  },
  'registration.holder_not_registered': {
    zh: '该组织须为状态正常的已登记参与主体，才能办理登记；请先完成主体登记。',
    en: 'The organization must be an active registered participant to register; complete participant registration first.',
  },
  'registration.transfer_target_invalid': {
    zh: '转移登记须指定另一家状态正常的已登记参与主体作为受让方。',
    en: 'A transfer needs another active registered participant as the receiving organization.',
  },
  'registration.illegal_transition': {
    zh: '登记申请当前状态（{from}）下不能执行“{action}”，请刷新后按当前状态操作。',
    en: 'The case is {from}, which does not allow “{action}”; reload and act on its current state.',
  },
  'registration.reason_required': {
    zh: '请填写理由（至少 2 个字）。',
    en: 'Give a reason (at least 2 characters).',
  },
  'registration.checklist_incomplete': {
    zh: '合规审查未完成，不能进入公示：以下事项须为“通过”或“不适用”{items}；需第三方评估的须先上传评估报告。',
    en: 'The compliance review is not complete, so publicity cannot start: these items must pass or be not applicable {items}; a required third-party assessment report must be attached.',
  },
  'registration.checklist_item.not_found': {
    zh: '审查清单中没有该事项（{key}）。',
    en: 'The checklist has no item {key}.',
  },
  'registration.tradability_unanswered': {
    zh: '可交易性事项须对每一类禁止交易情形作出排除判断后才能判定通过（未排除：{missing}）。',
    en: 'Tradability can pass only when every prohibited category is answered as excluded (not excluded: {missing}).',
  },
  'registration.assessor_invalid': {
    zh: '第三方评估机构须为状态正常、具有“第三方服务机构”角色的已登记参与主体，且不能是申请方。',
    en: 'The assessor must be an active registered participant with the service role, other than the applicant.',
  },
  'registration.substantive_review_required': {
    zh: '本登记规则要求实质审查，请先进行实质审查再进入公示。',
    en: 'This regime requires a substantive review before publicity; start it first.',
  },
  'registration.substantive_review_not_required': {
    zh: '本登记规则不要求实质审查，请直接进入公示。',
    en: 'This regime has no substantive review; start publicity directly.',
  },
  'registration.publicity_closed': {
    zh: '该登记不在公示期内（公示已结束或尚未开始），不能再提出异议。',
    en: 'The case is not in its publicity period (it ended or has not started), so objections are closed.',
  },
  'registration.objection.not_found': {
    zh: '异议不存在。',
    en: 'No such objection.',
  },
  'registration.objection.decided': {
    zh: '该异议已处理，不能重复处理。',
    en: 'This objection has already been decided.',
  },
  'registration.certificate.not_found': {
    zh: '登记证书不存在，请核对证书编号。',
    en: 'No such registration certificate; check its number.',
  },
  'registration.certificate.illegal_transition': {
    zh: '证书当前状态（{from}）下不能执行“{action}”。',
    en: 'The certificate is {from}, which does not allow “{action}”.',
  },
  'registration.query_code.not_found': {
    zh: '查询码无效，请核对后重试。',
    en: 'Unknown query code; check it and retry.',
  },
  'datasets.dataset.not_found': {
    zh: '数据集不存在，或您无权查看。',
    en: 'No such dataset, or you may not see it.',
  },
  'datasets.organization_required': {
    zh: '您不是该机构的成员，无法为其创建或修改数据集。',
    en: 'You are not a member of this organization, so you cannot create or change its datasets.',
  },
  'datasets.dataset.stale': {
    zh: '数据集已被他人修改（当前版本 {current}），请刷新后再保存。',
    en: 'The dataset was changed meanwhile (now version {current}); reload and save again.',
  },
  'datasets.upload.metadata_required': {
    zh: '上传请求缺少 {field}（Upload-Metadata），请在客户端设置后重试。',
    en: 'The upload lacks {field} in Upload-Metadata; set it in the client and retry.',
  },
  'datasets.upload.not_found': {
    zh: '上传不存在或已过期，请重新上传文件。',
    en: 'No such upload, or it expired; upload the file again.',
  },
  'datasets.upload.incomplete': {
    zh: '文件尚未上传完成（已收到 {received} / {declared} 字节），请继续上传后再创建版本。',
    en: 'The upload is incomplete ({received} of {declared} bytes); resume it before creating a version.',
  },
  'datasets.upload.checksum_mismatch': {
    zh: '文件校验失败：收到内容的 SHA-256 为 {actual}，与声明的 {declared} 不一致，文件可能在传输中损坏，请重新上传。',
    en: 'Checksum mismatch: the received bytes hash to {actual}, not the declared {declared}; the file may be corrupted, upload it again.',
  },
  'datasets.upload.bad_checksum': {
    zh: '声明的校验值不是 64 位十六进制 SHA-256，请检查客户端设置。',
    en: 'The declared checksum is not a 64-hex-digit SHA-256; check the client.',
  },
  'datasets.upload.insufficient_storage': {
    zh: '服务器磁盘空间不足以接收 {declared} 字节的文件（剩余 {free} 字节），请联系平台运营方。',
    en: 'Not enough disk space for {declared} bytes ({free} bytes free); contact the operator.',
  },
  'datasets.upload.already_used': {
    zh: '该上传已用于版本 {versionId}，同一上传只能生成一个版本。',
    en: 'This upload already made version {versionId}; one upload makes one version.',
  },
  'datasets.version.not_found': {
    zh: '数据集版本不存在。',
    en: 'No such dataset version.',
  },
  'datasets.version.not_ready': {
    zh: '该版本尚未处理完成（当前状态：{state}），请等处理完成后再查看数据。',
    en: 'This version is not processed yet (state: {state}); wait until it is ready.',
  },
  'datasets.version.illegal_transition': {
    zh: '版本当前状态为 {from}，不能执行“{action}”。',
    en: 'The version is {from}, which does not allow “{action}”.',
  },
  'datasets.query.unknown_column': {
    zh: '列「{column}」不存在，请检查列名。',
    en: 'No column “{column}”; check the name.',
  },
  'datasets.query.bad_operator': {
    zh: '列「{column}」不支持条件 {op}。',
    en: 'Column “{column}” does not support the operator {op}.',
  },
  'datasets.query.bad_value': {
    zh: '列「{column}」的筛选值 {value} 与列类型不符。',
    en: 'The filter value {value} does not fit column “{column}”.',
  },
  'datasets.query.bad_filter': {
    zh: '筛选条件格式有误，应为 JSON 数组，如 [{"column":"城市","op":"eq","value":"北京"}]。',
    en: 'Malformed filters: send a JSON array such as [{"column":"city","op":"eq","value":"Beijing"}].',
  },
  'datasets.export.forbidden': {
    zh: '只有数据集所属机构的成员可以导出完整数据。',
    en: 'Only members of the dataset’s organization may export the full data.',
  },
  'datasets.sample.not_found': {
    zh: '样例不存在，或尚未公开。',
    en: 'No such sample, or it is not public.',
  },
  'datasets.sample.unmasked_personal_info': {
    zh: '样例仍含未脱敏的个人信息，不能公开：{columns}。请对这些列选择脱敏方式（部分遮盖、加盐哈希、泛化或删除）后重新生成。',
    en: 'The sample still holds unmasked personal information and cannot be published: {columns}. Choose a masking method for these columns and generate it again.',
  },
  'datasets.sample.illegal_transition': {
    zh: '样例当前状态为 {from}，不能执行“{action}”。',
    en: 'The sample is {from}, which does not allow “{action}”.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The message for `code` in `lang`, with `{name}` placeholders filled from `details`. */
export function formatErrorMessage(
  code: ErrorCode,
  lang: 'zh' | 'en',
  details?: Record<string, unknown>,
): string {
  const template: string = ERROR_MESSAGES[code][lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = details?.[name];
    if (value === undefined) return whole;
    if (Array.isArray(value))
      return value
        .map((v) => JSON.stringify(v))
        .join(', ')
        .replaceAll('"', '');
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  });
}
