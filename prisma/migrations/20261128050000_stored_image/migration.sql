-- Pictures uploaded through the settings pages, kept in the database so a
-- backup of it holds everything and any app instance can serve them.
CREATE TABLE "StoredImage" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contentType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "byteLength" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredImage_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "StoredImage_type" CHECK ("contentType" IN ('image/png', 'image/jpeg', 'image/webp')),
    CONSTRAINT "StoredImage_length" CHECK ("byteLength" = octet_length("bytes") AND "byteLength" <= 524288)
);
