// The same package through require() types (index.d.cts).
import vvt = require('vonage-video-token');

const token: string = vvt.generateToken('123456', 'secret', '1_MX4xMjM0NTZ-flNhdCBNYXIgMTUgMTQ6NDI6MjMgUERUIDIwMTR-MC40OTAxMzAyNX4');
const error: vvt.TokenErrorCode = 'ERR_INVALID_DATA';
// @ts-expect-error the testing helpers are not in the main entry
vvt.generateTokenAt;
void token; void error;
