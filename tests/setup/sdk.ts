import * as sdk from '../../src/sdk/index.js';
import { provideSdk, provideSdkTesting } from '../../src/sdk/bridge/host-bridge.js';

// Plugin packages import `@finmart/sdk`, which reads what the host provides. A test may import a package's modules
// directly (its rules, its seed) without booting a host first, so every test file starts with the SDK provided.
provideSdk(sdk);
provideSdkTesting(() => import('../../src/sdk/testing.js'));
