import { notFound } from "next/navigation";

// Unknown paths under a language render the translated not-found page inside
// the site layout instead of Next's bare default.
export default function MissingPage() {
  notFound();
}
