export interface SigningPlan {
  platform: string;
  signing: 'WIN_CSC_LINK' | 'CSC_LINK' | 'CSC_NAME' | 'unsigned' | 'keychain-or-unsigned' | 'not-applicable';
  notarization: 'api-key' | 'apple-id' | 'keychain-profile' | 'incomplete' | 'none' | 'not-applicable';
  warnings: string[];
}
type Env = Record<string, string | undefined>;
declare function afterSign(context: { electronPlatformName: string }, env?: Env, log?: (line: string) => void): Promise<SigningPlan>;
declare namespace afterSign {
  function signingPlan(env: Env, platform: string): SigningPlan;
}
export = afterSign;
