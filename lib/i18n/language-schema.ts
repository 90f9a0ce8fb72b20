import { z } from "zod";
import { languages } from "./languages";

/** A language patients book, read and are written to in, as the API and forms accept it. */
export const languageSchema = z.enum(languages, { error: "Choose en or es." });
