import "server-only";
import { composeTest, type Composers } from "../messages/kinds";
import { composeConfirmation } from "./confirmation";
import { composeLookup } from "./lookup";
import { composeReminder } from "./reminder";

/** How each kind of message is composed; the type asks for every kind. */
export const COMPOSERS: Composers = {
  test: composeTest,
  confirmation: composeConfirmation,
  lookup: composeLookup,
  reminder: composeReminder,
};
