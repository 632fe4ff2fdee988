import { z } from "zod";
import { storableString } from "./storable-text";

// The login form translates bare keys under `validation`, hence the bare key of the shared message.
const text = () => storableString(undefined, "unstorableText");

/** Staff login form; messages are catalogue keys under `validation`. */
export const loginSchema = z.object({
  email: text().trim().min(1, "required").max(254, "tooLong").email("email"),
  password: text().min(1, "required").max(256, "tooLong"),
});

export type LoginInput = z.infer<typeof loginSchema>;
