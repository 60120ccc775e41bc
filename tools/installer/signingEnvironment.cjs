/**
 * Signing and notarization follow electron-builder's standard environment variables. Where they are
 * absent the build goes on unsigned and says so plainly (this file is electron-builder's afterSign hook);
 * it never fails a build for a missing certificate. CommonJS because electron-builder requires its hooks.
 */
/* global module, process, console */
'use strict';

const present = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/** Which credentials the environment carries for one platform, and what is missing, in words for the build log. */
function signingPlan(env, platform) {
  const warnings = [];
  if (platform === 'win32') {
    const certificate = present(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : present(env, 'CSC_LINK') ? 'CSC_LINK' : undefined;
    if (!certificate)
      warnings.push(
        'Windows installers are NOT signed: set WIN_CSC_LINK (a .pfx path or base64) and WIN_CSC_KEY_PASSWORD to sign them. SmartScreen and many IT policies refuse unsigned installers.',
      );
    return { platform, signing: certificate ?? 'unsigned', notarization: 'not-applicable', warnings };
  }
  if (platform === 'darwin') {
    const certificate = present(env, 'CSC_LINK') ? 'CSC_LINK' : present(env, 'CSC_NAME') ? 'CSC_NAME' : undefined;
    if (!certificate)
      warnings.push(
        'macOS app: no CSC_LINK/CSC_NAME, so it is signed only if a "Developer ID Application" identity is in the keychain, otherwise left unsigned (ad hoc). Set CSC_LINK and CSC_KEY_PASSWORD to sign it.',
      );
    const notarization = notarizationCredentials(env);
    if (notarization.kind === 'none')
      warnings.push(
        'macOS app is NOT notarized: set APPLE_API_KEY, APPLE_API_KEY_ID and APPLE_API_ISSUER, or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID, or APPLE_KEYCHAIN_PROFILE. Gatekeeper blocks un-notarized apps on other Macs.',
      );
    if (notarization.kind === 'incomplete')
      warnings.push(`macOS app is NOT notarized: ${notarization.set.join(', ')} set but ${notarization.missing.join(', ')} missing.`);
    if (!certificate && notarization.kind !== 'none' && notarization.kind !== 'incomplete')
      warnings.push('Notarization needs a signed app: without a Developer ID identity Apple will refuse it.');
    return { platform, signing: certificate ?? 'keychain-or-unsigned', notarization: notarization.kind, warnings };
  }
  return { platform, signing: 'not-applicable', notarization: 'not-applicable', warnings };
}

const NOTARIZATION_SETS = [
  { kind: 'api-key', names: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] },
  { kind: 'apple-id', names: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] },
  { kind: 'keychain-profile', names: ['APPLE_KEYCHAIN_PROFILE'] },
];

function notarizationCredentials(env) {
  const complete = NOTARIZATION_SETS.find((set) => set.names.every((name) => present(env, name)));
  if (complete) return { kind: complete.kind };
  const partial = NOTARIZATION_SETS.find((set) => set.names.some((name) => present(env, name)));
  if (partial)
    return {
      kind: 'incomplete',
      set: partial.names.filter((name) => present(env, name)),
      missing: partial.names.filter((name) => !present(env, name)),
    };
  return { kind: 'none' };
}

/** electron-builder's afterSign hook: says what was and was not signed; never throws. */
async function afterSign(context, env = process.env, log = (line) => console.warn(line)) {
  const plan = signingPlan(env, context.electronPlatformName);
  for (const warning of plan.warnings) log(`  ⚠ WHISPER DESK UNSIGNED BUILD: ${warning}`);
  return plan;
}

module.exports = afterSign;
module.exports.default = afterSign;
module.exports.signingPlan = signingPlan;
