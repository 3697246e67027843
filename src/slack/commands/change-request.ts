import type { ProjectChangeRequest } from "../../services/project-service.ts";
import type { ProjectChanges } from "../../slack-grammar/types.ts";

/** The parser's field names → the service's (names stay names; the service resolves them). */
export function toChangeRequest(c: ProjectChanges): ProjectChangeRequest {
  return {
    stage: c.stage,
    stageDate: c.stageDate,
    reason: c.reason,
    confirmJump: c.confirmJump,
    progress: c.progress,
    nextStep: c.nextStep,
    nextStepDue: c.due,
    blockers: c.blockers,
    blockerKind: c.blockerKind,
    blockerUnit: c.blockerUnit,
    agreedWan: c.agreedWan,
    outputWan: c.outputWan,
    name: c.name,
    investor: c.investor,
    industryChain: c.industryChain,
    groupName: c.group,
    leadUnitName: c.leadUnit,
    coUnitNames: c.coUnits,
    landingUnitName: c.landingUnit,
    origin: c.origin,
    sector: c.sector,
    leaderName: c.leader,
    responsibleUserIds: c.responsibleUserIds,
    fundsWan: c.fundsWan,
    fundsDate: c.fundsDate,
    landOn: c.landOn,
  };
}
