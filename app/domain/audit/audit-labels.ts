// The audit log in words a council admin reads: what each action code and record type that any part of the app
// writes is called on the audit log page. Codes stay the log's (and the filter addresses') keys; only their names
// are here. tests/unit/audit-s33-labels.test.ts reads the source for every code written and fails on one missing.
// A code not here (an entry written by an older version) is shown as it is.

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  // accounts
  "auth.sign_up": "Created an account",
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in (wrong password)",
  "auth.sign_out": "Signed out",
  "auth.sign_out_everywhere": "Signed out on every device",
  "auth.email_verified": "Confirmed their email address",
  "auth.password_reset": "Reset their password",
  "auth.password_changed": "Changed their password",
  "auth.current_password_failed": "Entered the wrong current password",
  "account.name_changed": "Changed their name",
  "account.email_change_requested": "Asked to change their email address",
  "account.email_change_resent": "Asked for the link to their new email address again",
  "account.email_change_cancelled": "Cancelled a change of their email address",
  "account.email_changed": "Changed their email address",
  "account.delete": "Deleted their account",
  // organisations and their people
  "organisation.register": "Registered an organisation",
  "organisation.verify": "Verified an organisation",
  "organisation.reject": "Rejected an organisation",
  "organisation.resubmit": "Changed an organisation's details and sent it for verification again",
  "organisation.details_change": "Changed the details of an organisation waiting for verification",
  "organisation.contact_change": "Changed the contact email of a verified organisation",
  "organisation.left_without_members": "Organisation closed: its last member left",
  "organisation.delete": "Deleted an organisation registered by mistake",
  "membership.invite": "Invited someone to join",
  "membership.invite_owner": "Invited an organisation’s owner",
  "membership.invitation_revoke": "Cancelled an invitation",
  "membership.invitation_decline": "Declined an invitation to join",
  "membership.join": "Joined an organisation",
  "membership.role_change": "Changed a member’s role",
  "membership.remove": "Removed a member",
  "membership.leave": "Left an organisation",
  "membership.partnership_grant": "Let a member work for every council in the partnership",
  "membership.partnership_revoke": "Stopped a member working for every council in the partnership",
  "membership.survey_grant": "Let a member run the supplier diversity survey",
  "membership.survey_revoke": "Stopped a member running the supplier diversity survey",
  "council.create": "Added a council",
  "council.invite_admin": "Invited a council admin",
  "council.partnership_change": "Changed the council’s partnership",
  "council.settings_update": "Changed the council’s settings",
  "partnership.create": "Added a partnership",
  // the council's lists and pages
  "category.create": "Added a category",
  "category.update": "Changed a category",
  "category.retire": "Retired a category",
  "category.restore": "Brought back a category",
  "district.create": "Added a district",
  "district.update": "Changed a district",
  "district.retire": "Retired a district",
  "district.restore": "Brought back a district",
  "guidance.create": "Added a guidance page",
  "guidance.update": "Changed a guidance page",
  "guidance.delete": "Deleted a guidance page",
  // contracts
  "contract.create": "Registered a contract",
  "contract.update": "Changed a contract’s details",
  "contract.import": "Imported contracts from a spreadsheet",
  "contract.import_create": "Added a contract by import",
  "contract.import_update": "Changed a contract by import",
  "commitment.add": "Added a commitment",
  "commitment.update": "Changed a commitment",
  "commitment.remove": "Removed a commitment",
  "commitment.pledge_unlinked": "Stopped counting a marketplace pledge towards a commitment",
  "measure.create": "Added a measure",
  "measure.update": "Changed a measure",
  "measure.retire": "Retired a measure",
  "measure.reinstate": "Brought back a measure",
  // quarterly returns
  "return.submit": "Submitted a quarterly return",
  "return.accept": "Accepted a quarterly return",
  "return.query": "Queried a quarterly return",
  "return.withdraw": "Removed a quarterly return",
  "return.evidence_upload": "Added evidence to a return",
  "return.evidence_remove": "Removed evidence from a return",
  // the marketplace
  "request.create": "Saved a request as a draft",
  "request.edit": "Changed a request",
  "request.submit": "Sent a request for approval",
  "request.approve": "Approved a request",
  "request.requestChanges": "Asked for changes to a request",
  "request.withdraw": "Withdrew a request",
  "request.extend": "Extended a request’s needed-by date",
  "request.expire": "Request expired",
  "request.pledgesChanged": "Pledges to a request changed",
  "request.fulfil": "Request fulfilled",
  "request.setShowcase": "Changed whether a request is a case study",
  "request.unanswered_offers_declined": "Declined offers left unanswered",
  "pledge.create": "Offered a pledge",
  "pledge.accept": "Accepted a pledge",
  "pledge.decline": "Declined a pledge",
  "pledge.withdraw": "Withdrew a pledge",
  "pledge.reportDelivery": "Reported a pledge delivered",
  "pledge.confirm": "Confirmed a pledge was delivered",
  "pledge.dispute": "Disputed a pledge’s delivery",
  // the supplier diversity survey
  "survey.cycle.open": "Set up a survey",
  "survey.cycle.change": "Changed a survey’s settings",
  "survey.cycle.close": "Closed a survey",
  "survey.cycle.anonymise": "Anonymised a survey’s answers",
  "survey.invite": "Sent survey invitations",
  "survey.invitation.take_up": "Took up a survey invitation for their business",
  "survey.consent": "Agreed to take part in a survey",
  "survey.response.update": "Changed sent survey answers",
  "survey.response.submit": "Sent survey answers",
  "survey.response.change": "Sent changed survey answers",
  "survey.response.withdraw": "Withdrew sent survey answers, or deleted unsent ones",
  "survey.response.contact_erase": "Erased a survey contact’s name and email",
  "survey.answers.read": "Read a survey’s answers",
  "survey.answers.export": "Downloaded a survey’s answers",
  "survey.answers.read_own": "Read their own survey answers",
  "survey.contacts.export": "Downloaded a survey’s contacts",
};

export const AUDIT_RECORD_TYPE_LABELS: Record<string, string> = {
  User: "Account",
  Organisation: "Organisation",
  Membership: "Membership",
  Invitation: "Invitation",
  Partnership: "Partnership",
  CouncilSettings: "Council settings",
  Category: "Category",
  District: "District",
  GuidancePage: "Guidance page",
  Contract: "Contract",
  ContractImport: "Contract import",
  Measure: "Measure",
  KpiReturn: "Quarterly return",
  EvidenceFile: "Evidence file",
  Request: "Request",
  Pledge: "Pledge",
  SurveyCycle: "Survey",
  SurveyResponse: "Survey response",
};

/** What an action code is called; a code with no name (written by an older version) as it is. */
export function auditActionLabel(code: string): string {
  return AUDIT_ACTION_LABELS[code] ?? code;
}

/** What a record type is called; one with no name as it is. */
export function auditRecordTypeLabel(code: string): string {
  return AUDIT_RECORD_TYPE_LABELS[code] ?? code;
}

/** The codes as choices for a list, in the order of their names (the value stays the code, for the address). */
export function labelledChoices(codes: string[], label: (code: string) => string) {
  return codes
    .map((code) => ({ value: code, label: label(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, "en-GB") || a.value.localeCompare(b.value));
}
