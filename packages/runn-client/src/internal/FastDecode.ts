/**
 * A quick path for the one Runn record that comes by the hundred thousand: actuals (an xl account
 * reads ~700,000 in a daily run and gets 100 back from every bulk write). `actual` checks a record
 * against exactly what `Runn.Actual` accepts in its common shape and builds the same output; anything
 * else returns `undefined` and is decoded by the schema, which stays the one definition of a valid
 * record and the one source of error messages (`test/FastDecode.test.ts` holds the two together).
 */
import { Ids, type Runn } from "@harvest-runn/domain";

const {
  id: isId,
  isoDate: isIsoDate,
  isoDateTime: isIsoDateTime,
  record: isRecord,
  finite: isFiniteNumber,
} = Ids.quick;

/** The decoded actual, as `Schema.decodeUnknown(Runn.Actual)` would give it; `undefined`: use the schema. */
export const actual = (u: unknown): Runn.Actual | undefined => {
  if (!isRecord(u)) return undefined;
  const { id, date, personId, projectId, roleId, workstreamId, phaseId } = u;
  const { billableMinutes, nonbillableMinutes, createdAt, updatedAt } = u;
  if (!isId(id) || !isId(personId) || !isId(projectId) || !isId(roleId) || !isIsoDate(date)) return;
  if ((workstreamId !== null && !isId(workstreamId)) || (phaseId !== null && !isId(phaseId))) return;
  if (!isFiniteNumber(billableMinutes) || !isFiniteNumber(nonbillableMinutes)) return;
  if (!isIsoDateTime(createdAt) || !isIsoDateTime(updatedAt)) return;
  const decoded = {
    id,
    date,
    personId,
    projectId,
    roleId,
    workstreamId,
    phaseId,
    billableMinutes,
    nonbillableMinutes,
    createdAt,
    updatedAt,
  };
  return decoded as unknown as Runn.Actual;
};
