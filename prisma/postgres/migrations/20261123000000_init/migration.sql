-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Group" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "leaderName" TEXT NOT NULL DEFAULT '',
    "leaderSlackId" TEXT,
    "commissioners" TEXT NOT NULL DEFAULT '',
    "focus" TEXT NOT NULL DEFAULT '',
    "channelId" TEXT,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,

    CONSTRAINT "GroupMember_pkey" PRIMARY KEY ("groupId","slackUserId")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "unitId" INTEGER,
    "groupId" INTEGER,
    "majorCount" INTEGER NOT NULL DEFAULT 0,
    "largeCount" INTEGER NOT NULL DEFAULT 0,
    "keyCount" INTEGER NOT NULL DEFAULT 0,
    "agreedWan" INTEGER NOT NULL DEFAULT 0,
    "arrivedWan" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "investor" TEXT NOT NULL DEFAULT '',
    "industryChain" TEXT NOT NULL DEFAULT '',
    "groupId" INTEGER,
    "leadUnitId" INTEGER,
    "landingUnitId" INTEGER,
    "origin" TEXT NOT NULL,
    "sector" TEXT NOT NULL,
    "agreedWan" INTEGER NOT NULL DEFAULT 0,
    "outputWan" INTEGER NOT NULL DEFAULT 0,
    "stage" TEXT NOT NULL DEFAULT 'LEAD',
    "leadAt" TEXT,
    "negotiatingAt" TEXT,
    "signedAt" TEXT,
    "registeredAt" TEXT,
    "startedAt" TEXT,
    "producingAt" TEXT,
    "atCapacityAt" TEXT,
    "droppedAt" TEXT,
    "dropReason" TEXT,
    "leaderName" TEXT NOT NULL DEFAULT '',
    "nextStep" TEXT NOT NULL DEFAULT '',
    "nextStepDue" TEXT,
    "blockers" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectCoUnit" (
    "projectId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "ProjectCoUnit_pkey" PRIMARY KEY ("projectId","unitId")
);

-- CreateTable
CREATE TABLE "ProjectResponsible" (
    "projectId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,

    CONSTRAINT "ProjectResponsible_pkey" PRIMARY KEY ("projectId","slackUserId")
);

-- CreateTable
CREATE TABLE "Update" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "batch" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "author" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,

    CONSTRAINT "Update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundEntry" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "amountWan" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionItem" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "issue" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedBy" TEXT NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedBy" TEXT,
    "closeNote" TEXT,

    CONSTRAINT "SupervisionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppliedRequest" (
    "key" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AppliedRequest_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Group_name_key" ON "Group"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_name_key" ON "Unit"("name");

-- CreateIndex
CREATE INDEX "Target_year_idx" ON "Target"("year");

-- CreateIndex
CREATE INDEX "Project_groupId_idx" ON "Project"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_name_investor_key" ON "Project"("name", "investor");

-- CreateIndex
CREATE INDEX "Update_projectId_at_idx" ON "Update"("projectId", "at");

-- CreateIndex
CREATE INDEX "Update_at_idx" ON "Update"("at");

-- CreateIndex
CREATE INDEX "FundEntry_projectId_idx" ON "FundEntry"("projectId");

-- CreateIndex
CREATE INDEX "FundEntry_date_idx" ON "FundEntry"("date");

-- CreateIndex
CREATE INDEX "SupervisionItem_projectId_idx" ON "SupervisionItem"("projectId");

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_landingUnitId_fkey" FOREIGN KEY ("landingUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCoUnit" ADD CONSTRAINT "ProjectCoUnit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCoUnit" ADD CONSTRAINT "ProjectCoUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectResponsible" ADD CONSTRAINT "ProjectResponsible_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Update" ADD CONSTRAINT "Update_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundEntry" ADD CONSTRAINT "FundEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionItem" ADD CONSTRAINT "SupervisionItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

