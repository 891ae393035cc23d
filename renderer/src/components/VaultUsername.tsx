/**
 * Password forms work best with a username: browsers and password managers then save the
 * passphrase under "ScanVault vault" instead of guessing. Hidden; never sent anywhere.
 */
export function VaultUsername() {
  return <input type="text" name="username" autoComplete="username" value="ScanVault vault" readOnly hidden />;
}
