import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Permissions are the fewest that do the job: the detector runs only on *.gov.cn,
// anything else is audited on demand through activeTab, or on sites the user adds
// at run time (optional host permissions).
export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // unlimitedStorage: the audit log (with its evidence screenshots) must not hit a quota; it adds
    // no install warning.
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting'],
    optional_host_permissions: ['*://*/*'],
    // Shows or hides the overlay on the current tab (audits it first when nothing ran there yet).
    commands: {
      'toggle-overlay': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_cmdToggleOverlay__',
      },
    },
  },
});
