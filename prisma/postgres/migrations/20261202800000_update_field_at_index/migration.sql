-- CreateIndex
CREATE INDEX "Update_field_at_idx" ON "Update"("field", "at");
