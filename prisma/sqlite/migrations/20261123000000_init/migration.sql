-- CreateTable
CREATE TABLE "Group" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "leaderName" TEXT NOT NULL DEFAULT '',
    "leaderSlackId" TEXT,
    "commissioners" TEXT NOT NULL DEFAULT '',
    "focus" TEXT NOT NULL DEFAULT '',
    "channelId" TEXT
);

-- CreateTable
CREATE TABLE "GroupMember" (
    "groupId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,

    PRIMARY KEY ("groupId", "slackUserId"),
    CONSTRAINT "GroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "unitId" INTEGER,
    "groupId" INTEGER,
    "majorCount" INTEGER NOT NULL DEFAULT 0,
    "largeCount" INTEGER NOT NULL DEFAULT 0,
    "keyCount" INTEGER NOT NULL DEFAULT 0,
    "agreedWan" INTEGER NOT NULL DEFAULT 0,
    "arrivedWan" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Target_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Target_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Project" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Project_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Project_leadUnitId_fkey" FOREIGN KEY ("leadUnitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Project_landingUnitId_fkey" FOREIGN KEY ("landingUnitId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectCoUnit" (
    "projectId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    PRIMARY KEY ("projectId", "unitId"),
    CONSTRAINT "ProjectCoUnit_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectCoUnit_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectResponsible" (
    "projectId" INTEGER NOT NULL,
    "slackUserId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "slackUserId"),
    CONSTRAINT "ProjectResponsible_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Update" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "batch" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "author" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    CONSTRAINT "Update_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FundEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "date" TEXT NOT NULL,
    "amountWan" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "author" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FundEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "issue" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "openedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "openedBy" TEXT NOT NULL,
    "closedAt" DATETIME,
    "closedBy" TEXT,
    "closeNote" TEXT,
    CONSTRAINT "SupervisionItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AppliedRequest" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "result" TEXT NOT NULL DEFAULT ''
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
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

