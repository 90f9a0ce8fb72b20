import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publicBaseUrl } from "@/lib/env";
import { json, withErrors } from "@/lib/http/route";

export const GET = withErrors(async () => json(buildOpenApiDocument(publicBaseUrl()), { cache: "short" }));
