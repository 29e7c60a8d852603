import type { Logger } from "../../core/logger";
import type { VerifiedIdentity } from "../../core/tenancy";

declare global {
  namespace Express {
    interface Request {
      id: string;
      log: Logger;
      auth?: VerifiedIdentity;
    }
  }
}
