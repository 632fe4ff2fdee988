import { z } from "zod";

/** Staff login form; messages are catalogue keys under `validation`. */
export const loginSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "tooLong").email("email"),
  password: z.string().min(1, "required").max(256, "tooLong"),
});

export type LoginInput = z.infer<typeof loginSchema>;
