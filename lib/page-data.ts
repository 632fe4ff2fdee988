import "server-only";
import { notFound } from "next/navigation";
import { isNotFound } from "@/lib/domain/app-error";

/**
 * Awaits a lib/db read for a page: a record that is missing, lies outside the user's scope or is
 * refused to the user's role renders the not-found page, so none of the three can be told apart.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
}
