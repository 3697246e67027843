-- CreateIndex
CREATE INDEX "FundEntry_projectId_date_amountWan_idx" ON "FundEntry"("projectId", "date", "amountWan");
