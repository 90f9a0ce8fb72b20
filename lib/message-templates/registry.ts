import "server-only";
import { composeTest, type Composers } from "../messages/kinds";
import { composeCancelled } from "./cancelled";
import { composeConfirmation } from "./confirmation";
import { composeLateRefund } from "./late-refund";
import { composeHomeProgram } from "./home-program";
import { composeLinks } from "./links";
import { composeLookup } from "./lookup";
import { composePackage } from "./package";
import { composeReminder } from "./reminder";
import { composeRescheduled } from "./rescheduled";
import { composeTherapistNotice } from "./therapist-notice";

/** How each kind of message is composed; the type asks for every kind. */
export const COMPOSERS: Composers = {
  test: composeTest,
  confirmation: composeConfirmation,
  rescheduled: composeRescheduled,
  cancelled: composeCancelled,
  therapist: composeTherapistNotice,
  links: composeLinks,
  lookup: composeLookup,
  reminder: composeReminder,
  taken: composeLateRefund,
  program: composeHomeProgram,
  package: composePackage,
};
