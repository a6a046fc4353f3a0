// SQLite's `application_id` header field tells the two kinds of Samooh database apart before any
// table is read: an HQ store (db/hq/) carries HQ_APPLICATION_ID; a district register leaves it 0
// (registers made before HQ mode existed have 0 too). Each opener refuses the other kind, so a
// district command never migrates an HQ file into a register, nor the reverse.

/** "SmHQ" as a big-endian 32-bit integer. */
export const HQ_APPLICATION_ID = 0x536d4851;

export const HQ_FILE_MESSAGE = (file: string) =>
  `${file} is an HQ database, not a district register. District commands work on a register; use the samooh hq commands for this file.`;

export const REGISTER_FILE_MESSAGE = (file: string) =>
  `${file} is not an HQ database (it is a district register or another file). Create one with: samooh hq init --db FILE --name NAME`;
