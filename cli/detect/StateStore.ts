/**
 * Where sequence state lives between objects, per group (rule and join
 * key). The command line keeps it in memory for one run; the Lambda keeps
 * it in DynamoDB. `State` is whatever the matcher hands back.
 */
export interface StateStore<State> {
  get(groupId: string): Promise<State | null>;
  /**
   * Saves a group's state, or deletes it when `state` is null. `expiresAt`
   * (epoch ms on the matcher's clock) is when it can be dropped unread.
   */
  put(
    groupId: string,
    state: State | null,
    expiresAt: number | null,
  ): Promise<void>;
}
