-- The practice's own record and the one-time links of the first-run setup.

-- One row at most: the practice this installation serves.
CREATE TABLE "Practice" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Practice_single_row" CHECK ("id" = 1)
);

-- Setup links: only the SHA-256 of the token is kept, so a copy of the
-- database does not hand out a way in. A link is used once: the setup
-- consumes it with a conditional update (usedAt IS NULL) in its transaction.
CREATE TABLE "SetupToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "SetupToken_tokenHash_key" ON "SetupToken"("tokenHash");
