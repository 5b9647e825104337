// The wire format of huaide: every document and result of the package's functions.
// Generated from schema/wire.schema.json by scripts/wire-types.mjs; do not edit.

/**
 * How seats are allocated when programs have more applicants than seats.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Mechanism".
 */
export type Mechanism = 'deferred_acceptance' | 'serial_dictatorship' | 'first_come';
/**
 * Whether a program goes ahead after the allocation.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgramStatus".
 */
export type ProgramStatus = 'running' | 'cancelled' | 'not_opened';
/**
 * An amount of members: a fixed number or a fraction of all members.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Amount".
 */
export type Amount =
  | {
      count: number;
    }
  | {
      fraction: Fraction;
    };
/**
 * A proper fraction `[numerator, denominator]`, e.g. `[2, 3]`.
 *
 * @minItems 2
 * @maxItems 2
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Fraction".
 */
export type Fraction = [number, number];
/**
 * How a question's answers become ballots.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "AnswerKind".
 */
export type AnswerKind = 'ranking' | 'approval' | 'choice' | 'score';
/**
 * How serious a finding is.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Severity".
 */
export type Severity = 'error' | 'warning';
/**
 * What an audit file is about.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "AuditKind".
 */
export type AuditKind = 'tally' | 'allocation';
/**
 * One position on a ranked ballot.
 *
 * On the wire a rank is a candidate id (`"a"`), or a list of ids marked at the same rank
 * (`["a", "b"]`: an equal ranking where the method allows it, an overvote otherwise), or an
 * empty list (`[]`: a rank left blank, i.e. skipped).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Rank".
 */
export type Rank = string | string[];
/**
 * A candidate: a bare id on the wire, or `{"id", "name"}`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Candidate".
 */
export type Candidate =
  | string
  | {
      /**
       * Identifier used on ballots.
       */
      id: string;
      /**
       * Display name (e.g. the title of an exhibited work).
       */
      name?: string | null;
    };
/**
 * A ballot file format.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "BallotFormat".
 */
export type BallotFormat =
  | 'blt'
  | 'preflib'
  | 'csv'
  | 'rctab_csv'
  | 'cdf_json'
  | 'cdf_xml'
  | 'dominion'
  | 'hart'
  | 'clear_ballot'
  | 'google_forms'
  | 'microsoft_forms'
  | 'wjx'
  | 'tencent_forms';
/**
 * What to read: one file's text, or the files of an export (a list of `{name, text}`, or
 * an object mapping names to texts).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "BallotInput".
 */
export type BallotInput =
  | string
  | NamedText[]
  | {
      /**
       * The bytes.
       */
      base64: string;
      /**
       * The file name (its extension tells a workbook from CSV).
       */
      name: string;
    }
  | {
      [k: string]: string | undefined;
    };
/**
 * What a base of a general threshold is counted in.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Base".
 */
export type Base = 'cast' | 'present' | 'members';
/**
 * What a candidate ranked again does to a ballot.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "DuplicateRule".
 */
export type DuplicateRule = 'skip' | 'exhaust';
/**
 * What an overvote (several candidates marked at one rank) does to a ballot.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "OvervoteRule".
 */
export type OvervoteRule = 'exhaust' | 'skip_to_next' | 'exhaust_if_multiple_continuing';
/**
 * How ballots are turned into winners.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Method".
 */
export type Method =
  | 'plurality'
  | 'approval'
  | 'schulze'
  | 'ranked_pairs'
  | 'copeland'
  | 'borda'
  | 'score'
  | 'star'
  | 'majority_judgment'
  | 'sav'
  | 'pav'
  | 'cc'
  | 'seq_pav'
  | 'seq_cc'
  | 'rev_seq_pav'
  | 'seq_phragmen'
  | 'slav'
  | 'seq_slav'
  | 'geom2'
  | 'irv'
  | 'stv';
/**
 * How pairwise defeats are weighed (Schulze, ranked pairs).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Strength".
 */
export type Strength = 'winning' | 'margin';
/**
 * How candidates left off a ranked ballot are read.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Unranked".
 */
export type Unranked = 'implicit' | 'explicit';
/**
 * The quota.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Quota".
 */
export type Quota = 'droop' | 'hare';
/**
 * The STV counting rule.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "StvRule".
 */
export type StvRule = 'scottish' | 'wigm' | 'meek' | 'rctab';
/**
 * Why a ballot was not counted. The codes are stable.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RejectionCode".
 */
export type RejectionCode =
  | 'missing_voter'
  | 'not_on_roll'
  | 'duplicate_voter'
  | 'empty_ballot'
  | 'unknown_candidate'
  | 'duplicate_choice'
  | 'too_many_choices'
  | 'wrong_ballot_kind'
  | 'score_out_of_range';
/**
 * How a tie was settled.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TieResolution".
 */
export type TieResolution =
  | {
      lot: {
        /**
         * The tied candidates in the order the lot placed them.
         */
        order: string[];
        /**
         * The published seed used.
         */
        seed: string;
      };
    }
  | 'unresolved'
  | {
      order: {
        /**
         * The tied candidates in the order the list placed them.
         */
        order: string[];
      };
    }
  | {
      previous_rounds: {
        /**
         * The round whose totals decided.
         */
        round: number;
      };
    }
  | {
      no_effect: {
        /**
         * Complete counts explored from this tie, all electing the same winners.
         */
        branches: number;
        /**
         * The tied candidates in the order the count shown placed them.
         */
        order: string[];
      };
    };
/**
 * A condition on other programs.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Condition".
 */
export type Condition =
  | {
      demand_at_least: Demand;
    }
  | {
      fill_at_least: Fill;
    }
  | {
      all: Condition[];
    }
  | {
      any: Condition[];
    };
/**
 * A kind of day an availability slot applies to.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "DayKind".
 */
export type DayKind =
  'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun' | 'workday' | 'rest_day';
/**
 * Which submission counts when a voter submitted several.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Duplicates".
 */
export type Duplicates = 'first' | 'last';
/**
 * An event on the enrolment state, e.g. `{"type": "withdraw", "at": "2006-03-01T10:00:00+08:00",
 * "person": "p1", "program": "pottery"}`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Event".
 */
export type Event =
  | {
      /**
       * When.
       */
      at: string;
      /**
       * Who (for a group, any member: the whole group withdraws).
       */
      person: string;
      /**
       * Which program.
       */
      program: string;
      type: 'withdraw';
    }
  | {
      /**
       * When.
       */
      at: string;
      /**
       * The new number of seats.
       */
      max: number;
      /**
       * Which program.
       */
      program: string;
      type: 'capacity';
    }
  | {
      /**
       * When.
       */
      at: string;
      /**
       * Who.
       */
      person: string;
      /**
       * Which program.
       */
      program: string;
      type: 'accept';
    }
  | {
      /**
       * When.
       */
      at: string;
      /**
       * Who.
       */
      person: string;
      /**
       * Which program.
       */
      program: string;
      type: 'decline';
    }
  | {
      /**
       * The new time.
       */
      at: string;
      type: 'tick';
    }
  | {
      /**
       * When recorded.
       */
      at: string;
      /**
       * Occurrence id, e.g. `pottery/20060301T1900`.
       */
      occurrence: string;
      /**
       * People present (all enrolled).
       */
      present: string[];
      /**
       * Which program.
       */
      program: string;
      type: 'attendance';
    };
/**
 * Why an entry was refused, or what a category's election needed to adapt. Stable codes.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "FindingCode".
 */
export type FindingCode =
  'unknown_category' | 'after_deadline' | 'over_entry_limit' | 'no_entries' | 'seats_reduced';
/**
 * An eligibility rule.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Rule".
 */
export type Rule =
  | {
      all: Rule[];
    }
  | {
      any: Rule[];
    }
  | {
      not: Rule;
    }
  | {
      age: AgeRange;
    }
  | {
      residency: Residency[];
    }
  | {
      tag: string;
    }
  | {
      completed: string[];
    }
  | {
      household: HouseholdRule;
    };
/**
 * Where a person lives, relative to the community.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Residency".
 */
export type Residency = 'resident' | 'surrounding' | 'visitor';
/**
 * The kind of a program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgramKind".
 */
export type ProgramKind =
  | 'study_group'
  | 'class'
  | 'lecture_series'
  | 'interest_group'
  | 'event'
  | 'exhibition'
  | 'counselling'
  | 'channel';
/**
 * Whether a program goes ahead.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Status".
 */
export type Status = 'planned' | 'cancelled';
/**
 * What a target counts.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Measure".
 */
export type Measure = 'participants' | 'enrolments' | 'sessions_held' | 'attendance_percent';
/**
 * The language of the text the library produces.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Lang".
 */
export type Lang = 'en' | 'zh';
/**
 * How many members must be present for the vote to count.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Quorum".
 */
export type Quorum =
  | 'none'
  | {
      present_at_least: Amount;
    }
  | {
      present_more_than: Amount;
    };
/**
 * How many yes votes a motion needs.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Threshold".
 */
export type Threshold =
  | 'simple'
  | 'absolute'
  | 'two_thirds'
  | 'unanimous'
  | {
      at_least: Share;
    }
  | {
      more_than: Share;
    };
/**
 * A PrefLib ordinal data type.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "PreflibType".
 */
export type PreflibType = 'soc' | 'soi' | 'toc' | 'toi';
/**
 * One mark of a profile ranking: a candidate index, or a candidate id.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProfileMark".
 */
export type ProfileMark = number | string;
/**
 * Where a target stands.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgressStatus".
 */
export type ProgressStatus = 'achieved' | 'on_track' | 'behind';
/**
 * A table file format to write.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TableFormat".
 */
export type TableFormat = 'csv' | 'xlsx';
/**
 * A table file on the wire: `"text"`, `{"name", "text"}` or `{"name", "base64"}`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TableInput".
 */
export type TableInput =
  | string
  | {
      /**
       * File name.
       */
      name: string;
      /**
       * The file's text.
       */
      text: string;
    }
  | {
      /**
       * The bytes, base64.
       */
      base64: string;
      /**
       * File name.
       */
      name: string;
    };

/**
 * An age range in full years, reached on a reference date.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "AgeRange".
 */
export interface AgeRange {
  /**
   * Oldest age allowed.
   */
  max?: number | null;
  /**
   * Youngest age allowed.
   */
  min?: number | null;
  /**
   * The date ages are taken on (default: the reference date passed to [`evaluate`],
   * usually the program's first session).
   */
  on?: string | null;
}
/**
 * The shareable result of `allocate` (confidential programs left out).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Allocation".
 */
export interface Allocation {
  /**
   * The reference date of the rules.
   */
  as_of: string;
  /**
   * Program ids each person is enrolled in.
   */
  assignments: {
    [k: string]: string[] | undefined;
  };
  /**
   * The decision on every choice of every applicant, in choice order.
   */
  decisions: {
    [k: string]: Decision[] | undefined;
  };
  /**
   * The lottery order, as person ids.
   */
  draw: string[];
  /**
   * The seed's commitment, the public value, the rule and the effective seed (only when
   * a commitment or a public value was given).
   */
  draw_seed?: DrawSeed | null;
  /**
   * Rounds of the cancel-and-reallocate loop.
   */
  iterations: number;
  /**
   * The mechanism used.
   */
  mechanism: Mechanism;
  /**
   * The outcome of every shared program, by id.
   */
  programs: {
    [k: string]: ProgramOutcome | undefined;
  };
  /**
   * The published seed of the draw.
   */
  seed: string;
}
/**
 * The decision on one choice of one applicant.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Decision".
 */
export interface Decision {
  /**
   * `enrolled`, `waitlisted`, `limit_reached`, `timetable_conflict`, `household_limit`
   * (the program already holds its household rule's `max_enrolled` members of this
   * person's household), `program_cancelled`, `program_not_opened`, `ineligible_age`, `missing_birth_date`, `ineligible_residency`,
   * `ineligible_tag`, `ineligible_household`, `ineligible`,
   * `missing_prerequisite`.
   */
  code: string;
  /**
   * The group member who made the group ineligible, when it is someone else.
   */
  member?: string | null;
  /**
   * Place on the waiting list (1 = next), for `waitlisted`.
   */
  position?: number | null;
  /**
   * The program chosen.
   */
  program: string;
  /**
   * The audience rule that failed, for ineligibility.
   */
  rule?: RuleFailure | null;
}
/**
 * The first rule that failed, with its path inside the rule tree (e.g. `all[1].age`).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RuleFailure".
 */
export interface RuleFailure {
  /**
   * Stable code of the failing leaf: `age`, `residency`, `tag`, `completed`,
   * `household`; `any` for an empty `any`, `not` for a `not` over `all`/`any`/`not`.
   */
  code: string;
  /**
   * Path of the failing rule.
   */
  path: string;
}
/**
 * The seed of a draw as it was published and used: recorded in a result whenever a
 * commitment or a public value was given.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "DrawSeed".
 */
export interface DrawSeed {
  /**
   * The commitment published before the close (lowercase hex), when one was given.
   */
  commitment?: string | null;
  /**
   * The seed the draw used: the mixed seed with a public value, else the seed.
   */
  effective_seed: string;
  /**
   * The public value mixed into the seed, when one was given.
   */
  public_value?: string | null;
  /**
   * The mixing rule (`huaide-seed-mix-v1`), when a public value was given.
   */
  rule?: string | null;
  /**
   * The seed, as revealed.
   */
  seed: string;
}
/**
 * The outcome for one program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgramOutcome".
 */
export interface ProgramOutcome {
  /**
   * Eligible applicants (people), as counted for `demand_at_least` conditions: members
   * refused with `household_limit` count (they are eligible; the cap limits seats).
   */
  applicants: number;
  /**
   * People enrolled, in priority order.
   */
  enrolled: string[];
  /**
   * Why it does not run: `plan_cancelled`, `below_minimum` or `conditions_not_met`.
   */
  reason?: string | null;
  /**
   * Running, cancelled or not opened.
   */
  status: ProgramStatus;
  /**
   * People waiting, in priority order (the continuation of the allocation order).
   */
  waitlist: string[];
}
/**
 * Options of [`super::allocate`]: `{"mechanism"?, "seed", "commitment"?, "public_value"?,
 * "as_of"}`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "AllocationOptions".
 */
export interface AllocationOptions {
  /**
   * The date of the allocation: ages are taken on each program's first session, or on
   * this date for programs without a schedule.
   */
  as_of: string;
  /**
   * The commitment of `seed` published before applications closed (see
   * [`crate::commitment`]): the allocation fails with `seed_mismatch` unless `seed`
   * matches it.
   */
  commitment?: string | null;
  /**
   * Mechanism (default: the plan's `allocation.mechanism`, else `deferred_acceptance`).
   */
  mechanism?: Mechanism | null;
  /**
   * A public value revealed after the close, mixed into `seed` (rule
   * `huaide-seed-mix-v1`): the draw uses the mixed seed.
   */
  public_value?: string | null;
  /**
   * The published seed of the draw.
   */
  seed: string;
}
/**
 * An application: `{"person", "choices", "submitted_at"?, "group"?, "max_programs"?}`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Application".
 */
export interface Application {
  /**
   * Program ids, best first.
   */
  choices: string[];
  /**
   * Other people applying together with `person`: all get a seat or none. They need no
   * application of their own; if they have one, it is ignored in favour of this one only
   * when it is identical, otherwise the request is rejected (`duplicate_application`).
   */
  group?: string[];
  /**
   * Most programs this application may get (default: the plan's, else 1).
   */
  max_programs?: number | null;
  /**
   * The applicant.
   */
  person: string;
  /**
   * When the application arrived (RFC 3339), for `first_come`.
   */
  submitted_at?: string | null;
}
/**
 * Options of [`read_applications`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ApplicationOptions".
 */
export interface ApplicationOptions {
  /**
   * Field to header text: `{"person": "居民号", "submitted_at": "填表时间"}`.
   */
  columns?: {
    [k: string]: string | undefined;
  };
  /**
   * Text encoding of a CSV file (default: detected).
   */
  encoding?: string | null;
  /**
   * Size limits.
   */
  limits?: Limits;
  /**
   * The sheet of a workbook (default: the first).
   */
  sheet?: string | null;
  /**
   * IANA time zone of times without an offset (default: the plan's, else UTC).
   */
  timezone?: string | null;
}
/**
 * Size limits of the readers; each has a default, and a file past one is a `too_large`
 * error naming it.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Limits".
 */
export interface Limits {
  /**
   * Most bytes of the file itself (default 64 MiB).
   */
  max_bytes?: number;
  /**
   * Most bytes of one cell's text (default 1 MiB; Excel itself stops at 32,767
   * characters).
   */
  max_cell_bytes?: number;
  /**
   * Most cells of a sheet, counted as rows times their widths (default 4,000,000).
   */
  max_cells?: number;
  /**
   * Most columns of a sheet (default 16,384, Excel's).
   */
  max_columns?: number;
  /**
   * Most rows of a sheet (default 1,000,000).
   */
  max_rows?: number;
  /**
   * Most bytes a workbook's zip entries may inflate to, all together (default 256 MiB).
   */
  max_unzipped_bytes?: number;
}
/**
 * What [`read_applications`] found.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ApplicationsTable".
 */
export interface ApplicationsTable {
  /**
   * The applications of the rows without errors, in row order.
   */
  applications: Application[];
  /**
   * Field to the header text of the column read for it (`choices` lists the choice
   * columns joined by `, ` when there is one per choice).
   */
  columns: {
    [k: string]: string | undefined;
  };
  /**
   * Every finding, by row then column.
   */
  findings: TableFinding[];
  /**
   * The 1-based row of the header.
   */
  header_row: number;
  /**
   * Headers of the columns kept out.
   */
  ignored_columns: string[];
  /**
   * True when no finding is an error.
   */
  ok: boolean;
  /**
   * The sheet read, for workbooks.
   */
  sheet?: string | null;
}
/**
 * One problem found in a table: `people.xlsx: row 12, column 出生日期: invalid_date`.
 *
 * Rows are 1-based as the spreadsheet shows them (the header row included); columns carry
 * their header text and their letter (`A`, `B`, … `AA`).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TableFinding".
 */
export interface TableFinding {
  /**
   * Stable snake_case code, e.g. `invalid_date`.
   */
  code: string;
  /**
   * The column's header text.
   */
  column?: string | null;
  /**
   * The column's letter (`A`, `B`, … `AA`).
   */
  column_letter?: string | null;
  /**
   * The file name given with the input (empty when none was).
   */
  file: string;
  /**
   * Human-readable explanation (not stable; compare codes, never messages).
   */
  message: string;
  /**
   * The place, rendered: `people.xlsx: row 12, column 出生日期`.
   */
  path: string;
  /**
   * The row, 1-based as the spreadsheet shows it.
   */
  row?: number | null;
  /**
   * `error`: the row (or the file) cannot be used as it is; `warning`: it was read, but
   * probably not as meant.
   */
  severity: Severity;
  /**
   * The sheet, for workbooks.
   */
  sheet?: string | null;
}
/**
 * One group of identical approval ballots in a [`PartialTally`] profile.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ApprovalGroup".
 */
export interface ApprovalGroup {
  /**
   * The approved candidate ids, in election order.
   */
  approve: string[];
  /**
   * How many ballots approve exactly this set.
   */
  count: number;
}
/**
 * Attendance of one occurrence.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "AttendanceRecord".
 */
export interface AttendanceRecord {
  /**
   * People expected (enrolled, or seats for open sessions).
   */
  expected: number;
  /**
   * The session took place (default true); sessions not held count for nothing.
   */
  held?: boolean;
  /**
   * Occurrence id, e.g. `chorus/20060301T1900`.
   */
  occurrence: string;
  /**
   * People present.
   */
  present: number;
}
/**
 * An audit file: see the module documentation.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Audit".
 */
export interface Audit {
  /**
   * Digests of the inputs and of the result.
   */
  digests: Digests;
  /**
   * `huaide-audit/1`.
   */
  format: string;
  /**
   * The inputs in normal form, by name.
   */
  inputs: {
    [k: string]: unknown | undefined;
  };
  /**
   * `tally` or `allocation`.
   */
  kind: AuditKind;
  /**
   * Whether inputs with personal data were left out (confidential programs).
   */
  redacted?: boolean;
  /**
   * The result as published.
   */
  result: {
    [k: string]: unknown | undefined;
  };
  /**
   * The seed, commitment, public value and effective seed, when the draw had a seed.
   */
  seed?: DrawSeed | null;
  /**
   * The huaide version that produced it.
   */
  version: string;
}
/**
 * Digests of the inputs and of the result.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Digests".
 */
export interface Digests {
  /**
   * Each input's digest, by name (the withheld inputs of a redacted audit have none).
   */
  inputs: {
    [k: string]: string | undefined;
  };
  /**
   * The digest of `result`.
   */
  result: string;
}
/**
 * One ballot as cast, or a group of identical anonymous ballots (`count`).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Ballot".
 */
export interface Ballot {
  /**
   * Approved candidates, in any order: used by `approval`.
   */
  approve?: string[] | null;
  /**
   * How many identical ballots this entry stands for (default 1; not with `voter`).
   */
  count?: number | null;
  /**
   * Ranked (or single) choice, best first: used by `plurality` (one rank, one candidate).
   */
  ranking?: Rank[] | null;
  /**
   * Scores per candidate id: used by `score`, `star` and `majority_judgment` (grades).
   * A candidate left out gets the range's minimum.
   */
  scores?: {
    [k: string]: number | undefined;
  } | null;
  /**
   * The voter, when ballots are checked against a roll or for double voting.
   */
  voter?: string | null;
}
/**
 * A ballot file read: its candidates and ballots, ready for an election document.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "BallotFile".
 */
export interface BallotFile {
  /**
   * The ballots, ranking candidate ids, in file order (`count` where the file groups).
   */
  ballots: Ballot[];
  /**
   * The candidates the file declares (or, for CVR exports, the contest's choices), as
   * ids, or `{id, name}` where the file names them. Ballots rank these ids.
   */
  candidates: Candidate[];
  /**
   * Form exports: every problem met, with its row and column (blank and duplicate
   * submissions, unreadable ranks, …).
   */
  findings?: TableFinding[];
  /**
   * The contest's maximum number of rankings, when the file says (Dominion's
   * `NumOfRanks`): give it to the election's `irv.max_rankings`.
   */
  max_rankings?: number | null;
  /**
   * Seats to fill, when the file says (BLT).
   */
  seats?: number | null;
  /**
   * The tie-break order, when the file gives one (BLT `[tie]`).
   */
  tie_order?: string[] | null;
  /**
   * The title, when the file gives one (BLT).
   */
  title?: string | null;
  /**
   * The id of the undeclared write-in candidate, when there is one: give it to the
   * election's `irv.undeclared_write_in`.
   */
  undeclared_write_in?: string | null;
  /**
   * Withdrawn candidates, when the file says (BLT).
   */
  withdrawn?: string[];
}
/**
 * One file of a multi-file export: its name (a path is fine; only the last component is
 * looked at where names matter) and its text.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "NamedText".
 */
export interface NamedText {
  /**
   * The file name, e.g. `CvrExport_1.json`.
   */
  name: string;
  /**
   * The file's text.
   */
  text: string;
}
/**
 * How many ballots were cast, counted and rejected (`cast = valid + rejected`, always).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "BallotSummary".
 */
export interface BallotSummary {
  /**
   * Ballots cast, grouped ballots counted by their `count`.
   */
  cast: number;
  /**
   * Ballots rejected, each listed in [`TallyResult::rejected`].
   */
  rejected: number;
  /**
   * Ballots counted.
   */
  valid: number;
}
/**
 * Periods, holidays, make-up days and deadlines.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Calendar".
 */
export interface Calendar {
  /**
   * Deadlines, e.g. "before National Day".
   */
  deadlines?: Deadline[];
  /**
   * Public holidays.
   */
  holidays?: Holiday[];
  /**
   * Weekend days worked in exchange for a holiday.
   */
  makeup_days?: MakeupDay[];
  /**
   * Named periods, e.g. the winter and summer school holidays.
   */
  periods?: Period[];
}
/**
 * A deadline: occurrences of programs bound to it must end before the day `before` begins.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Deadline".
 */
export interface Deadline {
  /**
   * Everything must be over before this day begins.
   */
  before: string;
  /**
   * Stable id, referenced by `program.deadline`.
   */
  id: string;
  /**
   * Title.
   */
  title: string;
}
/**
 * A public holiday, one day or several (both days included).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Holiday".
 */
export interface Holiday {
  /**
   * Last day (default: `start`).
   */
  end?: string | null;
  /**
   * First day.
   */
  start: string;
  /**
   * Title.
   */
  title: string;
}
/**
 * A weekend day worked in exchange for a holiday.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "MakeupDay".
 */
export interface MakeupDay {
  /**
   * The day.
   */
  date: string;
  /**
   * Why, e.g. "for National Day".
   */
  title?: string | null;
}
/**
 * A named period, both days included.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Period".
 */
export interface Period {
  /**
   * Last day.
   */
  end: string;
  /**
   * Stable id, referenced by `schedule.within`.
   */
  id: string;
  /**
   * First day.
   */
  start: string;
  /**
   * Title.
   */
  title: string;
}
/**
 * Seats of a program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Capacity".
 */
export interface Capacity {
  /**
   * Most participants.
   */
  max: number;
  /**
   * Fewest participants for the program to run.
   */
  min?: number;
}
/**
 * A category of an exhibition.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Category".
 */
export interface Category {
  /**
   * Stable id.
   */
  id: string;
  /**
   * Title, e.g. `书画`.
   */
  title: string;
}
/**
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "CategoryBallots".
 */
export interface CategoryBallots {
  [k: string]: Ballot[] | undefined;
}
/**
 * The election of one category.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "CategoryElection".
 */
export interface CategoryElection {
  /**
   * The category's id.
   */
  category: string;
  /**
   * The election: id `<program>/<category>`, one candidate per accepted entry.
   */
  election: Election;
  /**
   * The accepted entries, in candidate order.
   */
  entries: Entry[];
  /**
   * The category's title.
   */
  title: string;
}
/**
 * One election: a question, its candidates and the rules of the count.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Election".
 */
export interface Election {
  /**
   * The candidates, in their listed order.
   */
  candidates: Candidate[];
  /**
   * Identifier, e.g. `exhibition-2006-photography`.
   */
  id: string;
  /**
   * Ballot-reading and elimination rules of `irv` (defaults when absent).
   */
  irv?: IrvOptions | null;
  /**
   * Most choices a ballot may mark (approval only; plurality is always 1).
   */
  max_choices?: number | null;
  /**
   * Counting method.
   */
  method: Method;
  /**
   * Options of the pairwise methods (and `unranked` for `borda`).
   */
  pairwise?: PairwiseOptions | null;
  /**
   * Voter ids allowed to vote. When present, every ballot must name a voter on it.
   */
  roll?: string[] | null;
  /**
   * Score range of `score`, `star` and `majority_judgment` (default 0 to 5).
   */
  score_range?: ScoreRange | null;
  /**
   * Number of winners (top k). At least 1 and at most the number of candidates.
   */
  seats: number;
  /**
   * Counting rule and quota of `stv` (defaults when absent).
   */
  stv?: StvOptions | null;
  /**
   * How ties are broken.
   */
  tie_break?: TieBreak | null;
}
/**
 * Ballot-reading and elimination rules of `irv` (RCTab's rules). All fields are optional.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "IrvOptions".
 */
export interface IrvOptions {
  /**
   * Eliminate at once every candidate who cannot catch up (default false).
   */
  batch_elimination?: boolean;
  /**
   * Keep eliminating after the winner is found until two candidates remain (default false).
   */
  continue_until_two?: boolean;
  /**
   * Rule for a candidate ranked twice (default `skip`).
   */
  duplicate?: DuplicateRule & string;
  /**
   * Most ranks a ballot may use: a ballot marking a later rank is rejected
   * (`too_many_choices`). `null` (default): no limit.
   */
  max_rankings?: number | null;
  /**
   * Most consecutive ranks a ballot may leave blank before a later mark; more exhausts it
   * (cause `skipped_ranks`). `null` (default): any number.
   */
  max_skipped_ranks?: number | null;
  /**
   * Candidates with fewer votes are eliminated together; the threshold is never below it
   * (default 0: none).
   */
  minimum_vote_threshold?: number;
  /**
   * Overvote rule (default `exhaust`).
   */
  overvote?: OvervoteRule & string;
  /**
   * The id of the candidate that stands for undeclared write-ins: eliminated first whenever
   * it has votes, never elected.
   */
  undeclared_write_in?: string | null;
}
/**
 * Options of the pairwise methods (`schulze`, `ranked_pairs`, `copeland`; `unranked` also
 * for `borda`).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "PairwiseOptions".
 */
export interface PairwiseOptions {
  /**
   * Defeat strength (Schulze and ranked pairs): `winning` (default) or `margin`.
   */
  strength?: Strength & string;
  /**
   * Reading of unranked candidates: `implicit` (default) or `explicit`.
   */
  unranked?: Unranked & string;
}
/**
 * The allowed range of a score ballot (`score`, `star`, `majority_judgment`).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ScoreRange".
 */
export interface ScoreRange {
  /**
   * Highest score (default 5). At most `min + 100` for majority judgment.
   */
  max?: number;
  /**
   * Lowest score (default 0); also the score of a candidate a ballot leaves out.
   */
  min?: number;
}
/**
 * Options of `stv`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "StvOptions".
 */
export interface StvOptions {
  /**
   * Rule `rctab` only: decimal places of the vote arithmetic, 1 to 18 (RCTab's
   * `decimalPlacesForVoteArithmetic`; default 4).
   */
  decimals?: number | null;
  /**
   * Rule `rctab` only: RCTab's `nonIntegerWinningThreshold`. The threshold keeps `decimals`
   * places (`droop`: `votes / (seats + 1)` truncated plus one unit of the last place)
   * instead of being whole (`floor(votes / (seats + 1)) + 1`). Default false.
   */
  fractional_threshold?: boolean;
  /**
   * The quota (default `droop`).
   */
  quota?: Quota & string;
  /**
   * The counting rule (default `scottish`).
   */
  rule?: StvRule & string;
}
/**
 * How ties are broken. With no seed a tie is reported as a tie, never decided silently.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TieBreak".
 */
export interface TieBreak {
  /**
   * The commitment of `seed` published before the vote closed (see [`crate::commitment`]):
   * the count fails with `seed_mismatch` unless `seed` matches it, and the result records
   * it in `draw_seed`.
   */
  commitment?: string | null;
  /**
   * Ranked methods (`irv`, `stv`): a fixed order of candidate ids, most favoured first. A tie
   * for elimination removes the tied candidate listed last; a tie for election elects the one
   * listed first. Tied candidates not listed fall through to the next rule. Applied after
   * `previous_rounds` and before the lot.
   */
  order?: string[] | null;
  /**
   * Ranked methods: first look back at earlier rounds, latest first, and decide by the first
   * round in which the tied candidates' totals differ (lowest is eliminated, highest elected).
   */
  previous_rounds?: boolean;
  /**
   * A public value revealed after the close, mixed into `seed` by the rule
   * `huaide-seed-mix-v1` (see [`crate::commitment`]): the lot is drawn with the mixed seed.
   */
  public_value?: string | null;
  /**
   * Ranked methods: RCTab's `random` tie-break, reproduced bit for bit, in place of the
   * lot of `seed` (same place in the order: after `previous_rounds` and `order`; ignored
   * with `stop`). RCTab's `randomSeed`: one `java.util.Random(rctab_random_seed)` serves the
   * whole count, in the order ties occur; each tie sorts the tied candidate ids as Java
   * strings (UTF-16 order) and takes the one at `floor(nextDouble() * tied)`, to eliminate or
   * to elect. Candidate ids stand for RCTab's candidate names.
   */
  rctab_random_seed?: number | null;
  /**
   * The published seed of the lot (see [`crate::draw`]).
   */
  seed?: string | null;
  /**
   * Ranked methods: a tie that `previous_rounds` and `order` leave standing stops the count
   * (the result is incomplete and the tie unresolved) instead of being drawn by `seed`.
   */
  stop?: boolean;
}
/**
 * A work entered in the exhibition by a resident; accepted, it stands as a candidate of its
 * category's election (the candidate id is the entry id, its name the title).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Entry".
 */
export interface Entry {
  /**
   * Id of one of the exhibition's categories.
   */
  category: string;
  /**
   * Stable id of the work, unique among the entries; the id on ballots.
   */
  id: string;
  /**
   * Id of the person who entered it.
   */
  person: string;
  /**
   * The day the work was handed in. Entries after the submission deadline are refused;
   * undated entries are not checked against it.
   */
  submitted_on?: string | null;
  /**
   * Title of the work, shown as the candidate's name.
   */
  title: string;
}
/**
 * The options of one category that differ from [`ExhibitionOptions`]; every field optional.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "CategoryOptions".
 */
export interface CategoryOptions {
  /**
   * Rules of `irv`.
   */
  irv?: IrvOptions | null;
  /**
   * Most works a ballot may mark.
   */
  max_choices?: number | null;
  /**
   * Counting method.
   */
  method?: Method | null;
  /**
   * Options of the pairwise methods.
   */
  pairwise?: PairwiseOptions | null;
  /**
   * Score range of the graded methods.
   */
  score_range?: ScoreRange | null;
  /**
   * Works chosen.
   */
  seats?: number | null;
  /**
   * Rules of `stv`.
   */
  stv?: StvOptions | null;
  /**
   * How ties are broken.
   */
  tie_break?: TieBreak | null;
}
/**
 * The count of one category.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "CategoryResult".
 */
export interface CategoryResult {
  /**
   * The category's id.
   */
  category: string;
  /**
   * The count, exactly as [`crate::vote::tally`] gives it.
   */
  result: TallyResult;
  /**
   * The category's title.
   */
  title: string;
}
/**
 * The outcome of [`super::tally`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TallyResult".
 */
export interface TallyResult {
  /**
   * Ballot totals.
   */
  ballots: BallotSummary;
  /**
   * True when every seat is filled (no unresolved tie for a seat).
   */
  complete: boolean;
  /**
   * Pairwise methods: the candidate who beats every other pairwise, when there is one.
   */
  condorcet_winner?: string | null;
  /**
   * Votes per candidate.
   */
  counts: {
    [k: string]: number | undefined;
  };
  /**
   * The seed, its commitment, the public value, the mixing rule and the effective seed,
   * when the election's `tie_break` gives a commitment or a public value (see
   * [`crate::commitment`]).
   */
  draw_seed?: DrawSeed | null;
  /**
   * The election's id.
   */
  election: string;
  /**
   * The method used.
   */
  method: Method;
  /**
   * Pairwise methods: `pairwise[x][y]` is the number of ballots ranking `x` above `y`.
   */
  pairwise?: {
    [k: string]:
      | {
          [k: string]: number | undefined;
        }
      | undefined;
  } | null;
  /**
   * Every candidate in tiers, best first; a tier of several is an unbroken tie.
   */
  ranking: string[][];
  /**
   * Every rejected ballot, in input order.
   */
  rejected: Rejection[];
  /**
   * Elimination methods (`irv`, `stv`): the count round by round (see [`super::Round`]).
   */
  rounds?: Round[];
  /**
   * STAR: the runoff, as the number of ballots preferring each finalist.
   */
  runoff?: {
    [k: string]: number | undefined;
  } | null;
  /**
   * Seats to fill.
   */
  seats: number;
  /**
   * Schulze: `strongest_paths[x][y]` is the strength of the strongest path from `x` to `y`.
   */
  strongest_paths?: {
    [k: string]:
      | {
          [k: string]: number | undefined;
        }
      | undefined;
  } | null;
  /**
   * Every tie met, from the top of the ranking down.
   */
  ties: Tie[];
  /**
   * The elected candidates, best first. Fewer than `seats` when an unresolved tie stands.
   */
  winners: string[];
}
/**
 * One rejected ballot entry.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Rejection".
 */
export interface Rejection {
  /**
   * Why it was rejected.
   */
  code: RejectionCode;
  /**
   * How many ballots the entry stood for.
   */
  count: number;
  /**
   * Position of the ballot in the input list (0-based).
   */
  index: number;
  /**
   * The voter it named, if any.
   */
  voter?: string | null;
}
/**
 * One round of an elimination count.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Round".
 */
export interface Round {
  /**
   * Sum of `tally`.
   */
  continuing: string;
  /**
   * Candidates elected in this round.
   */
  elected?: string[];
  /**
   * Candidates eliminated (excluded) in this round, their votes moving in the next round.
   */
  eliminated?: string[];
  /**
   * Ballots (or votes) inactive in this round, by cause.
   */
  inactive: Inactive;
  /**
   * Round number, from 1.
   */
  round: number;
  /**
   * Votes of every candidate still in the count (continuing, and for `stv` the elected
   * holding their quota), by candidate id.
   */
  tally: {
    [k: string]: string | undefined;
  };
  /**
   * The winning threshold (quota) in this round.
   */
  threshold: string;
  /**
   * Ties met in this round.
   */
  ties?: RoundTie[];
  /**
   * Where the votes of this round's eliminated (or surplus-transferring elected) candidates
   * went, as counted at the start of the next round.
   */
  transfers?: Transfer[];
}
/**
 * Why ballots stopped counting for any candidate. Each field is a decimal string.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Inactive".
 */
export interface Inactive {
  /**
   * Ballots with no continuing candidate left among their choices.
   */
  exhausted: string;
  /**
   * `stv` rule `rctab` only: the surplus votes of the last candidates elected, which have
   * nowhere to go once every seat is filled (RCTab's "final round surplus").
   */
  final_round_surplus?: string | null;
  /**
   * Ballots that reached an overvote (several candidates at one rank) that the overvote
   * rule exhausts.
   */
  overvote: string;
  /**
   * Ballots that ranked a candidate again, under `duplicate: "exhaust"`.
   */
  repeated_ranking: string;
  /**
   * `stv` only: votes lost to the rounding of the fixed-point arithmetic ("0" otherwise).
   * Under the `rctab` rule: the residual surplus so far (what the truncated transfers left
   * above the threshold of each elected candidate).
   */
  rounding: string;
  /**
   * Ballots that skipped more consecutive ranks than `max_skipped_ranks` allows.
   */
  skipped_ranks: string;
  /**
   * Ballots that marked no candidate at all, or that stopped ranking while more than
   * `max_skipped_ranks` ranks of `max_rankings` were left (RCTab's undervote).
   */
  undervote: string;
}
/**
 * A tie met in a round.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RoundTie".
 */
export interface RoundTie {
  /**
   * The tied candidates, in election order.
   */
  candidates: string[];
  /**
   * `"elimination"` (who is eliminated) or `"election"` (who is elected) or `"surplus"`
   * (whose surplus is transferred first).
   */
  purpose: string;
  /**
   * How it was settled.
   */
  resolution: TieResolution;
  /**
   * The vote each of them has.
   */
  votes: string;
}
/**
 * Votes moved out of one candidate at the start of the next round.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Transfer".
 */
export interface Transfer {
  /**
   * Votes that became inactive instead (any cause).
   */
  exhausted: string;
  /**
   * The candidate eliminated (or elected, for an `stv` surplus) whose votes moved.
   */
  from: string;
  /**
   * `stv` rule `rctab` only: the elected candidate's residual surplus (the votes its
   * truncated transfers left above the threshold), when not zero.
   */
  residual?: string | null;
  /**
   * Votes received by each candidate (only non-zero entries).
   */
  to: {
    [k: string]: string | undefined;
  };
}
/**
 * A tie met during the count.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Tie".
 */
export interface Tie {
  /**
   * The tied candidates, in election order.
   */
  candidates: string[];
  /**
   * How it was settled.
   */
  resolution: TieResolution;
  /**
   * Seats the tie decides: how many of these candidates win (0 when only order is at stake).
   */
  seats_at_stake: number;
  /**
   * The vote each of them has.
   */
  votes: number;
}
/**
 * Demand for another program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Demand".
 */
export interface Demand {
  /**
   * Fewest applicants.
   */
  applicants: number;
  /**
   * The program watched.
   */
  program: string;
}
/**
 * Fill of another program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Fill".
 */
export interface Fill {
  /**
   * Fewest enrolments, in whole percent of the program's `capacity.max`.
   */
  percent: number;
  /**
   * The program watched.
   */
  program: string;
}
/**
 * Whether a conditional program's conditions hold.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ConditionProgress".
 */
export interface ConditionProgress {
  /**
   * All its conditions hold on the enrolment counts given.
   */
  met: boolean;
  /**
   * Program id.
   */
  program: string;
}
/**
 * One thing that differs.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Difference".
 */
export interface Difference {
  /**
   * A stable code (see the module documentation).
   */
  code: string;
  /**
   * What the audit file records there (a digest, a seed, a version), when it says.
   */
  expected?: string | null;
  /**
   * What was found instead.
   */
  found?: string | null;
  /**
   * Where: `inputs.ballots`, `inputs.election.tie_break.seed`, `result.winners`, `version`.
   */
  path: string;
}
/**
 * Enrolment counts of one program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "EnrolmentCount".
 */
export interface EnrolmentCount {
  /**
   * People who applied.
   */
  applicants?: number;
  /**
   * People enrolled.
   */
  enrolled?: number;
  /**
   * Program id.
   */
  program: string;
}
/**
 * Plan-wide enrolment settings (the plan's `allocation` field).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "EnrolmentPolicy".
 */
export interface EnrolmentPolicy {
  /**
   * Most programs one application may get (default 1); an application may set its own.
   */
  max_programs?: number | null;
  /**
   * The mechanism used when the caller names none.
   */
  mechanism?: Mechanism | null;
  /**
   * Hours an offer from a waiting list stays open (default 72).
   */
  offer_expiry_hours?: number | null;
}
/**
 * The shareable enrolment state after the allocation and some events.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "EnrolmentState".
 */
export interface EnrolmentState {
  /**
   * The time of the last event, events about confidential programs left out (`null`
   * before any).
   */
  now?: string | null;
  /**
   * Every shared program's state, by id.
   */
  programs: {
    [k: string]: ProgramState | undefined;
  };
}
/**
 * One program's state, as shown by [`EnrolmentState::for_program`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgramState".
 */
export interface ProgramState {
  /**
   * People present, by occurrence id.
   */
  attendance: {
    [k: string]: string[] | undefined;
  };
  /**
   * Seats (`None`: unlimited).
   */
  capacity?: number | null;
  /**
   * People enrolled, in the order they got their seats.
   */
  enrolled: string[];
  /**
   * The people of `waitlist` passed over for now because their household holds (or is
   * offered) the most seats of this program it may; left out when empty.
   */
  held_back?: string[];
  /**
   * What happened to this program.
   */
  log: Happened[];
  /**
   * Open offers.
   */
  offers: Offer[];
  /**
   * Program id.
   */
  program: string;
  /**
   * Whether the program runs.
   */
  running: boolean;
  /**
   * People waiting, in order (the continuation of the allocation order), those in
   * `held_back` included at their places.
   */
  waitlist: string[];
}
/**
 * Something that happened, as a consequence of an event.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Happened".
 */
export interface Happened {
  /**
   * When.
   */
  at: string;
  /**
   * The people concerned.
   */
  people: string[];
  /**
   * Program id.
   */
  program: string;
  /**
   * `offer_made`, `offer_accepted`, `offer_declined`, `offer_expired`, `withdrawn`,
   * `left_waitlist`, `dropped`, `capacity_changed`, `attendance_recorded`.
   */
  what: string;
}
/**
 * An open offer of seats.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Offer".
 */
export interface Offer {
  /**
   * When it lapses (absent: never, when the expiry is beyond the calendar).
   */
  expires_at?: string | null;
  /**
   * When it was made.
   */
  made_at: string;
  /**
   * The people offered seats (a group offers one to each member).
   */
  people: string[];
  /**
   * Program id.
   */
  program: string;
}
/**
 * When applications are taken, both days included.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "EnrolmentWindow".
 */
export interface EnrolmentWindow {
  /**
   * Last day applications are taken; must not be after the first session.
   */
  closes: string;
  /**
   * First day applications are taken.
   */
  opens: string;
}
/**
 * Scarce equipment; each participant of a program that uses it needs one unit.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Equipment".
 */
export interface Equipment {
  /**
   * When the equipment may be used; empty means always.
   */
  availability?: Slot[];
  /**
   * Stable id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
  /**
   * The partner organisation that lends it.
   */
  partner?: string | null;
  /**
   * Units available.
   */
  quantity: number;
}
/**
 * When a facilitator, venue or equipment is available: on these days, between these times.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Slot".
 */
export interface Slot {
  /**
   * Days the slot applies to.
   */
  days: DayKind[];
  /**
   * Start of the slot (default: start of the day).
   */
  from?: string | null;
  /**
   * End of the slot (default: end of the day).
   */
  to?: string | null;
}
/**
 * The elections of an exhibition, ready to print on ballot papers and to count with
 * [`super::tally_exhibition`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ExhibitionElections".
 */
export interface ExhibitionElections {
  /**
   * One election per category that has entries, in the plan's category order.
   */
  elections: CategoryElection[];
  /**
   * Refused entries (in input order), then adapted categories (in category order).
   */
  findings?: ExhibitionFinding[];
  /**
   * The exhibition program's id.
   */
  program: string;
  /**
   * The shared roll: the distinct visitors, sorted. Every election without a roll of its
   * own is counted against it. Absent: no roll.
   */
  roll?: string[] | null;
}
/**
 * A refused entry or an adapted category: data, not an error.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ExhibitionFinding".
 */
export interface ExhibitionFinding {
  /**
   * The category concerned.
   */
  category?: string | null;
  /**
   * What happened.
   */
  code: FindingCode;
  /**
   * The refused entry's id.
   */
  entry?: string | null;
  /**
   * Path of the entry (`entries[4]`) or of the category or option concerned.
   */
  path: string;
  /**
   * The person who entered it.
   */
  person?: string | null;
}
/**
 * The counting rules of the exhibition's elections. Any method of [`crate::vote`] may be
 * used; the method-specific options are those of [`Election`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ExhibitionOptions".
 */
export interface ExhibitionOptions {
  /**
   * Overrides per category id; a field left out keeps the value above.
   */
  categories?: {
    [k: string]: CategoryOptions | undefined;
  };
  /**
   * Rules of `irv`.
   */
  irv?: IrvOptions | null;
  /**
   * Most works a ballot may mark (approval methods; plurality is always 1).
   */
  max_choices?: number | null;
  /**
   * Counting method (default `approval`: visitors tick every work they like).
   */
  method?: Method & string;
  /**
   * Options of the pairwise methods.
   */
  pairwise?: PairwiseOptions | null;
  /**
   * Score range of the graded methods.
   */
  score_range?: ScoreRange | null;
  /**
   * Works chosen per category (default 1, the best work). A category with fewer accepted
   * entries elects them all (finding `seats_reduced`).
   */
  seats?: number;
  /**
   * Rules of `stv`.
   */
  stv?: StvOptions | null;
  /**
   * How ties are broken (a published seed, see [`crate::draw`]).
   */
  tie_break?: TieBreak | null;
}
/**
 * What [`exhibition_elections`] reads: the plan, the exhibition program, the entries, the
 * visitors and the counting options. One wire document, so bindings and tests pass it whole.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ExhibitionRequest".
 */
export interface ExhibitionRequest {
  /**
   * The works entered.
   */
  entries: Entry[];
  /**
   * Counting rules (default: approval, one work per category).
   */
  options?: ExhibitionOptions;
  /**
   * The plan.
   */
  plan: Plan;
  /**
   * Id of the exhibition program.
   */
  program: string;
  /**
   * Person ids recorded as having visited; when given, they are the roll of every
   * category (each counted once however often recorded). Absent: anyone may vote.
   */
  visitors?: string[] | null;
}
/**
 * A community's learning plan for one year.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Plan".
 */
export interface Plan {
  /**
   * Enrolment settings: mechanism, programs per person, offer expiry.
   */
  allocation?: EnrolmentPolicy | null;
  /**
   * Periods, public holidays, make-up working days and deadlines.
   */
  calendar?: Calendar;
  /**
   * Name of the community.
   */
  community: string;
  /**
   * Free text.
   */
  description?: string | null;
  /**
   * Scarce equipment, e.g. pottery wheels.
   */
  equipment?: Equipment[];
  /**
   * Teachers, lecturers, volunteers and counsellors.
   */
  facilitators?: Facilitator[];
  /**
   * Stable id of the plan, e.g. `huaideyuan-2006`; part of every iCalendar UID.
   */
  id: string;
  /**
   * Partner organisations.
   */
  partners?: Partner[];
  /**
   * The programs.
   */
  programs?: Program[];
  /**
   * Numbered sections (一, 二, 三 …) with their goals.
   */
  sections?: Section[];
  /**
   * IANA time zone of every local date and time in the plan, e.g. `Asia/Shanghai`.
   */
  timezone: string;
  /**
   * Title of the plan.
   */
  title?: string | null;
  /**
   * Rooms and places.
   */
  venues?: Venue[];
  /**
   * The plan's year.
   */
  year: number;
}
/**
 * A teacher, lecturer, volunteer or counsellor.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Facilitator".
 */
export interface Facilitator {
  /**
   * When the facilitator is available; empty means always.
   */
  availability?: Slot[];
  /**
   * Free text.
   */
  description?: string | null;
  /**
   * Stable id.
   */
  id: string;
  /**
   * Name or role.
   */
  name: string;
  /**
   * The partner organisation the facilitator comes from.
   */
  partner?: string | null;
}
/**
 * A partner organisation.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Partner".
 */
export interface Partner {
  /**
   * Free text.
   */
  description?: string | null;
  /**
   * Stable id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
}
/**
 * A program of the plan.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Program".
 */
export interface Program {
  /**
   * Enrolment priority tiers and reserved seats.
   */
  allocation?: ProgramPolicy | null;
  /**
   * Length of one appointment, for counselling.
   */
  appointment_minutes?: number | null;
  /**
   * Who may enrol or attend; absent means everyone.
   */
  audience?: Rule | null;
  /**
   * Seats; absent means no limit of its own. With `appointment_minutes` it counts
   * appointments per session, and is not checked against the venue's capacity.
   */
  capacity?: Capacity | null;
  /**
   * Conditions that must all hold for the program to open.
   */
  conditions?: Condition[];
  /**
   * Who attends must not leak: occurrences carry no participant data and the
   * iCalendar export marks them `CLASS:CONFIDENTIAL`.
   */
  confidential?: boolean;
  /**
   * Calendar deadline id that every occurrence must end before.
   */
  deadline?: string | null;
  /**
   * Free text (English in the seed plan).
   */
  description?: string | null;
  /**
   * When applications are taken; absent means no enrolment.
   */
  enrolment?: EnrolmentWindow | null;
  /**
   * Equipment ids; each participant needs one unit of each.
   */
  equipment?: string[];
  /**
   * Exhibition rules, for exhibitions.
   */
  exhibition?: ExhibitionRules | null;
  /**
   * Facilitator ids.
   */
  facilitators?: string[];
  /**
   * Stable id; part of occurrence ids and iCalendar UIDs.
   */
  id: string;
  /**
   * Item label within the section, e.g. `第三`.
   */
  item?: string | null;
  /**
   * Kind.
   */
  kind: ProgramKind;
  /**
   * Partner organisation ids.
   */
  partners?: string[];
  /**
   * Programs a participant must have completed first.
   */
  prerequisites?: string[];
  /**
   * When the program meets; absent for channels and undated programs.
   */
  schedule?: Schedule | null;
  /**
   * Section id.
   */
  section?: string | null;
  /**
   * Planned or cancelled.
   */
  status?: Status & string;
  /**
   * Tags, e.g. `elderly`, `youth`.
   */
  tags?: string[];
  /**
   * Title (Chinese in the seed plan).
   */
  title: string;
  /**
   * Venue ids.
   */
  venues?: string[];
}
/**
 * Per-program enrolment settings (a program's `allocation` field).
 *
 * Seats are filled in a fixed order: first the general seats (`capacity.max` minus all
 * reserved seats) by priority, then each reserve in the order listed, taking the
 * best-placed matching applicants left; a reserved seat no matching applicant needs goes to
 * the best-placed applicant left. Priority is the first tier whose rule the applicant
 * meets (applicants meeting none come after every tier), then the public draw.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgramPolicy".
 */
export interface ProgramPolicy {
  /**
   * Reserved seats. An allocation takes at most 16 (`huaide::enrol::MAX_RESERVES`; more
   * is `too_large`).
   */
  reserved?: Reserve[];
  /**
   * Priority tiers, highest first, e.g. residents, then surrounding residents. An
   * allocation takes at most 64 (`huaide::enrol::MAX_TIERS`; more is `too_large`).
   */
  tiers?: Rule[];
}
/**
 * Seats held for applicants who match a rule, e.g. two pottery wheels for elderly residents.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Reserve".
 */
export interface Reserve {
  /**
   * Who the seats are held for.
   */
  rule: Rule;
  /**
   * Seats held (taken out of `capacity.max`, not added to it).
   */
  seats: number;
}
/**
 * Rules about a person's household.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "HouseholdRule".
 */
export interface HouseholdRule {
  /**
   * The household must include a member with this tag, e.g. `child`.
   */
  includes_tag?: string | null;
  /**
   * Most members of one household that may be enrolled (this person included).
   */
  max_enrolled?: number | null;
}
/**
 * Rules of an exhibition program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ExhibitionRules".
 */
export interface ExhibitionRules {
  /**
   * Categories of works; at least one.
   */
  categories: Category[];
  /**
   * Most works one person may enter.
   */
  max_entries_per_person: number;
  /**
   * Last day works are accepted.
   */
  submission_deadline?: string | null;
  /**
   * Visitors vote for the best works of each category.
   */
  visitor_voting?: boolean;
}
/**
 * When a program meets.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Schedule".
 */
export interface Schedule {
  /**
   * Extra single dates (at the same time of day).
   */
  dates?: string[];
  /**
   * Length of each all-day occurrence in days (default 1); only without `time`.
   */
  days?: number | null;
  /**
   * Dates excluded.
   */
  except?: string[];
  /**
   * First date (the RRULE's DTSTART date).
   */
  first: string;
  /**
   * Keep occurrences that fall on public holidays (default: drop them).
   */
  on_holidays?: boolean;
  /**
   * RFC 5545 recurrence rule without DTSTART, e.g. `FREQ=WEEKLY;BYDAY=WE;UNTIL=20061231T160000Z`.
   */
  rrule?: string | null;
  /**
   * Time of day; absent for all-day occurrences.
   */
  time?: TimeSpan | null;
  /**
   * Period ids: when any are named, only occurrences starting within one of them are kept.
   */
  within?: string[];
}
/**
 * A time span within one day.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TimeSpan".
 */
export interface TimeSpan {
  /**
   * Start, e.g. `19:00:00`.
   */
  from: string;
  /**
   * End, after `from` on the same day, e.g. `20:30:00`.
   */
  to: string;
}
/**
 * A numbered section of the plan.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Section".
 */
export interface Section {
  /**
   * Free text.
   */
  description?: string | null;
  /**
   * Goals of the section.
   */
  goals?: Goal[];
  /**
   * Stable id, referenced by programs.
   */
  id: string;
  /**
   * Number of the section (1 for 一).
   */
  number: number;
  /**
   * Title, e.g. `一、指导思想`.
   */
  title: string;
}
/**
 * A goal, with measurable targets.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Goal".
 */
export interface Goal {
  /**
   * Free text.
   */
  description?: string | null;
  /**
   * Stable id.
   */
  id: string;
  /**
   * Measurable targets.
   */
  targets?: Target[];
  /**
   * Title.
   */
  title: string;
}
/**
 * A measurable target, e.g. "300 residents take part by 31 December".
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Target".
 */
export interface Target {
  /**
   * The number to reach (a percentage for `attendance_percent`).
   */
  at_least: number;
  /**
   * Date by which the target should be reached (default: 31 December of the plan year).
   */
  by?: string | null;
  /**
   * Stable id within the goal.
   */
  id: string;
  /**
   * What is counted.
   */
  measure: Measure;
  /**
   * Programs counted; empty means all programs.
   */
  programs?: string[];
}
/**
 * A room or place.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Venue".
 */
export interface Venue {
  /**
   * When the venue may be used; empty means always.
   */
  availability?: Slot[];
  /**
   * Seats or places; absent means unbounded.
   */
  capacity?: number | null;
  /**
   * Stable id.
   */
  id: string;
  /**
   * Name.
   */
  name: string;
}
/**
 * The outcome of [`tally_exhibition`]: every category's count, in the plan's category order.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ExhibitionResult".
 */
export interface ExhibitionResult {
  /**
   * One count per election, in the order of the elections.
   */
  categories: CategoryResult[];
  /**
   * The exhibition program's id.
   */
  program: string;
  /**
   * The shared roll the categories were counted against, if any.
   */
  roll?: string[] | null;
  /**
   * Distinct named voters with a counted ballot in at least one category.
   */
  voters: number;
}
/**
 * An election to count a ballot file in: [`Election`]'s fields, each optional but
 * `method`, the file giving what is left out (see the module documentation).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "FileElection".
 */
export interface FileElection {
  /**
   * The candidates (default: the file's, without the withdrawn ones).
   */
  candidates?: Candidate[] | null;
  /**
   * Identifier (default: the file's title, else `ballot file`).
   */
  id?: string | null;
  /**
   * Ballot rules of `irv` (`max_rankings` and `undeclared_write_in` default to the file's).
   */
  irv?: IrvOptions | null;
  /**
   * Most choices a ballot may mark (approval and committees).
   */
  max_choices?: number | null;
  /**
   * Counting method.
   */
  method: Method;
  /**
   * Options of the pairwise methods.
   */
  pairwise?: PairwiseOptions | null;
  /**
   * Voter ids allowed to vote.
   */
  roll?: string[] | null;
  /**
   * Score range of the graded methods.
   */
  score_range?: ScoreRange | null;
  /**
   * Number of winners (default: the file's, else 1).
   */
  seats?: number | null;
  /**
   * Counting rule of `stv`.
   */
  stv?: StvOptions | null;
  /**
   * How ties are broken.
   */
  tie_break?: TieBreak | null;
}
/**
 * One problem found in a plan.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Finding".
 */
export interface Finding {
  /**
   * Stable snake_case code, e.g. `venue_double_booked`.
   */
  code: string;
  /**
   * Human-readable explanation (not stable; compare codes, never messages).
   */
  message: string;
  /**
   * Path of the offending field, e.g. `programs[4].schedule.rrule`.
   */
  path: string;
  /**
   * Error or warning.
   */
  severity: Severity;
}
/**
 * Options of [`Plan::to_ics`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "IcsOptions".
 */
export interface IcsOptions {
  /**
   * Only this program.
   */
  program?: string | null;
  /**
   * DTSTAMP of every event (RFC 3339, e.g. `2006-03-01T00:00:00Z`); the caller's clock.
   */
  stamp: string;
}
/**
 * A motion put to the council, with its vote.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Motion".
 */
export interface Motion {
  /**
   * Abstentions.
   */
  abstain?: number;
  /**
   * Whether abstentions count as votes cast (default: not counted).
   */
  abstentions_count_as_cast?: boolean;
  /**
   * Members of the council.
   */
  members: number;
  /**
   * No votes.
   */
  no: number;
  /**
   * Members present.
   */
  present: number;
  /**
   * Quorum rule.
   */
  quorum: Quorum;
  /**
   * Threshold rule.
   */
  threshold: Threshold;
  /**
   * Yes votes.
   */
  yes: number;
}
/**
 * A general threshold: a fraction of a base.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Share".
 */
export interface Share {
  /**
   * The fraction.
   */
  fraction: Fraction;
  /**
   * What it is a fraction of.
   */
  of: Base;
}
/**
 * The decision on a motion.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "MotionResult".
 */
export interface MotionResult {
  /**
   * Votes cast, as the threshold counts them.
   */
  cast: number;
  /**
   * Plain-language account of the decision, naming the abstention rule applied.
   */
  explanation: string;
  /**
   * True when the quorum is met and `yes ≥ required`.
   */
  passed: boolean;
  /**
   * Whether enough members were present.
   */
  quorum_met: boolean;
  /**
   * Members that had to be present.
   */
  quorum_required: number;
  /**
   * Yes votes needed to pass.
   */
  required: number;
}
/**
 * One session of a program.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Occurrence".
 */
export interface Occurrence {
  /**
   * An all-day occurrence.
   */
  all_day: boolean;
  /**
   * The program is confidential.
   */
  confidential: boolean;
  /**
   * Local date the occurrence starts on.
   */
  date: string;
  /**
   * End (exclusive; for all-day occurrences midnight after the last day).
   */
  end: string;
  /**
   * Facilitator ids.
   */
  facilitators: string[];
  /**
   * Stable id: `<program>/<YYYYMMDD>T<HHMM>` in local time, `<program>/<YYYYMMDD>` all-day.
   */
  id: string;
  /**
   * Program kind.
   */
  kind: ProgramKind;
  /**
   * Program id.
   */
  program: string;
  /**
   * Start, RFC 3339 with the zone's offset at that instant.
   */
  start: string;
  /**
   * Planned or cancelled (the program's status).
   */
  status: Status;
  /**
   * Program title.
   */
  title: string;
  /**
   * Venue ids.
   */
  venues: string[];
}
/**
 * Which occurrences to list: dates `from` to `to`, both included, optionally one program
 * or one venue.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "OccurrenceQuery".
 */
export interface OccurrenceQuery {
  /**
   * First local date.
   */
  from: string;
  /**
   * Only this program.
   */
  program?: string | null;
  /**
   * Last local date (included).
   */
  to: string;
  /**
   * Only programs held at this venue.
   */
  venue?: string | null;
}
/**
 * The count of one shard of ballots, before the winners are found. Serialisable, so shards
 * can be counted in different places and sent to one merger.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "PartialTally".
 */
export interface PartialTally {
  /**
   * Ballot totals of the shard.
   */
  ballots: BallotSummary;
  /**
   * The election's id.
   */
  election: string;
  /**
   * Number of ballot entries in the shard (offsets rejection indices when merging).
   */
  entries: number;
  /**
   * `grades[x][g]`: ballots giving `x` the grade `min + g` (majority judgment).
   */
  grades?: {
    [k: string]: number[] | undefined;
  } | null;
  /**
   * The method counted.
   */
  method: Method;
  /**
   * `pairwise[x][y]`: ballots ranking (or scoring) `x` above `y` (pairwise methods, star).
   */
  pairwise?: {
    [k: string]:
      | {
          [k: string]: number | undefined;
        }
      | undefined;
  } | null;
  /**
   * Approval ballots grouped by approved set (committee methods).
   */
  profile?: ApprovalGroup[] | null;
  /**
   * Valid ranked ballots grouped by their marks (`irv`, `stv`), in a canonical order.
   */
  rankings?: RankedGroup[] | null;
  /**
   * Rejected entries, indexed within the shard.
   */
  rejected: Rejection[];
  /**
   * Voters who cast a ballot in this shard (sorted), to detect voting in two shards.
   */
  voters?: string[];
  /**
   * Totals per candidate: votes (plurality, approval), points (borda), scores (score, star).
   */
  votes?: {
    [k: string]: number | undefined;
  } | null;
}
/**
 * Identical valid ranked ballots of one shard (`irv`, `stv`): the ranking as cast, with
 * blank ranks kept where they precede a marked rank (they matter for `max_skipped_ranks`)
 * and trailing blanks dropped.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RankedGroup".
 */
export interface RankedGroup {
  /**
   * How many valid ballots carry exactly these marks.
   */
  count: number;
  /**
   * The ranking, best first, as on a ballot.
   */
  ranking: Rank[];
}
/**
 * Options of [`read_people`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "PeopleOptions".
 */
export interface PeopleOptions {
  /**
   * Field to header text, for headers the defaults do not know: `{"birth_date": "生辰"}`.
   */
  columns?: {
    [k: string]: string | undefined;
  };
  /**
   * Residency of rows that give none.
   */
  default_residency?: Residency | null;
  /**
   * Text encoding of a CSV file (default: detected; see [`super::decode`]).
   */
  encoding?: string | null;
  /**
   * Size limits.
   */
  limits?: Limits;
  /**
   * The sheet of a workbook (default: the first).
   */
  sheet?: string | null;
}
/**
 * What [`read_people`] found: the people it could read and every finding.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "PeopleTable".
 */
export interface PeopleTable {
  /**
   * Field to the header text of the column read for it.
   */
  columns: {
    [k: string]: string | undefined;
  };
  /**
   * Every finding, by row then column.
   */
  findings: TableFinding[];
  /**
   * The 1-based row of the header.
   */
  header_row: number;
  /**
   * Headers of the columns kept out.
   */
  ignored_columns: string[];
  /**
   * True when no finding is an error.
   */
  ok: boolean;
  /**
   * The people of the rows without errors, in row order.
   */
  people: Person[];
  /**
   * The sheet read, for workbooks.
   */
  sheet?: string | null;
}
/**
 * Someone who may apply: `{"id", "birth_date"?, "household"?, "residency", "tags", "history"?}`.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "Person".
 */
export interface Person {
  /**
   * Date of birth; age rules cannot be met without it.
   */
  birth_date?: string | null;
  /**
   * Ids of programs completed before (for prerequisites and `completed` rules).
   */
  history?: string[];
  /**
   * Household id: members share household rules and household tags.
   */
  household?: string | null;
  /**
   * Stable id (never a name).
   */
  id: string;
  /**
   * Residency.
   */
  residency: Residency;
  /**
   * Tags, e.g. `elderly`, `child`.
   */
  tags?: string[];
}
/**
 * Index rankings with optional counts; see the module documentation.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProfileDocument".
 */
export interface ProfileDocument {
  /**
   * How many ballots each ranking stands for (same length as `rankings`; default all 1).
   */
  counts?: number[] | null;
  /**
   * Strict rankings of candidate indices or ids, best first (no skipped or equal ranks).
   */
  rankings: ProfileMark[][];
}
/**
 * Everything about one program, confidential or not: see [`Allocation::for_program`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgramReport".
 */
export interface ProgramReport {
  /**
   * Eligible applicants (people), as counted for `demand_at_least` conditions: members
   * refused with `household_limit` count (they are eligible; the cap limits seats).
   */
  applicants: number;
  /**
   * The decision on this program for each applicant who chose it.
   */
  decisions: {
    [k: string]: Decision | undefined;
  };
  /**
   * People enrolled, in priority order.
   */
  enrolled: string[];
  /**
   * Program id.
   */
  program: string;
  /**
   * Why it does not run: `plan_cancelled`, `below_minimum` or `conditions_not_met`.
   */
  reason?: string | null;
  /**
   * Running, cancelled or not opened.
   */
  status: ProgramStatus;
  /**
   * People waiting, in priority order (the continuation of the allocation order).
   */
  waitlist: string[];
}
/**
 * What [`Plan::progress`] measures.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgressInput".
 */
export interface ProgressInput {
  /**
   * The date of the report; records of later occurrences are ignored.
   */
  as_of: string;
  /**
   * Attendance per occurrence (at most one record per occurrence).
   */
  attendance?: AttendanceRecord[];
  /**
   * Distinct people who took part in anything (for `participants` targets naming no programs).
   */
  distinct_participants?: number | null;
  /**
   * Enrolment counts per program (at most one entry per program).
   */
  enrolments?: EnrolmentCount[];
}
/**
 * The progress report.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ProgressReport".
 */
export interface ProgressReport {
  /**
   * The report's date.
   */
  as_of: string;
  /**
   * Every program with conditions, in plan order.
   */
  conditions: ConditionProgress[];
  /**
   * Every target, in plan order.
   */
  targets: TargetProgress[];
}
/**
 * One target's progress.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TargetProgress".
 */
export interface TargetProgress {
  /**
   * The target value.
   */
  at_least: number;
  /**
   * The target date.
   */
  by: string;
  /**
   * The value expected by `as_of` to be on track.
   */
  expected_by_now: number;
  /**
   * Goal id.
   */
  goal: string;
  /**
   * What is counted.
   */
  measure: Measure;
  /**
   * Section id.
   */
  section: string;
  /**
   * Status.
   */
  status: ProgressStatus;
  /**
   * Target id.
   */
  target: string;
  /**
   * The value measured (whole percent for `attendance_percent`).
   */
  value: number;
}
/**
 * A candidate elected or eliminated in a round, and the transfer of its votes.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabAction".
 */
export interface RctabAction {
  /**
   * The candidate elected, for an election.
   */
  elected?: string | null;
  /**
   * The candidate eliminated, for an elimination.
   */
  eliminated?: string | null;
  /**
   * Votes moved to each candidate, to `exhausted`, and (a winner's) `residual surplus`.
   */
  transfers: {
    [k: string]: string | undefined;
  };
}
/**
 * Inactive ballots of a round, by cause.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabInactiveBallots".
 */
export interface RctabInactiveBallots {
  /**
   * Ballots with no continuing candidate left among their rankings.
   */
  exhaustedChoices: string;
  /**
   * Multi-winner counts, last round only: the surplus of the last winners, which has
   * nowhere to go.
   */
  finalRoundSurplus?: string | null;
  /**
   * Ballots exhausted at an overvote.
   */
  overvotes: string;
  /**
   * Ballots that ranked a candidate twice (under `exhaustOnDuplicateCandidate`).
   */
  repeatedRankings: string;
  /**
   * Ballots that skipped too many ranks.
   */
  skippedRankings: string;
}
/**
 * RCTab's detailed JSON report (its `*_detailed_report.json`), field for field. Serialized,
 * fields come in RCTab's (alphabetical) order.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabReport".
 */
export interface RctabReport {
  /**
   * The contest's header fields.
   */
  config: RctabReportConfig;
  /**
   * Always `"1"`.
   */
  jsonFormatVersion: string;
  /**
   * One entry per round.
   */
  results: RctabRound[];
  /**
   * Totals of the contest.
   */
  summary: RctabSummary;
}
/**
 * The report's `config`: the contest's header fields.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabReportConfig".
 */
export interface RctabReportConfig {
  /**
   * The contest's name.
   */
  contest: string;
  /**
   * The contest's date.
   */
  date: string;
  /**
   * The tabulator, e.g. `RCTab 2.0.0`.
   */
  generatedBy: string;
  /**
   * The jurisdiction.
   */
  jurisdiction: string;
  /**
   * The office.
   */
  office: string;
}
/**
 * One round of the report.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabRound".
 */
export interface RctabRound {
  /**
   * Inactive ballots (votes) by cause.
   */
  inactiveBallots: RctabInactiveBallots;
  /**
   * The round number, from 1.
   */
  round: number;
  /**
   * Votes of each candidate in the count, by name.
   */
  tally: {
    [k: string]: string | undefined;
  };
  /**
   * The round's decisions: the elected (by name), then the eliminated (by name), each
   * with where its votes went at the start of the next round.
   */
  tallyResults: RctabAction[];
  /**
   * The winning threshold.
   */
  threshold: string;
}
/**
 * The report's totals.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabSummary".
 */
export interface RctabSummary {
  /**
   * The last round's threshold.
   */
  finalThreshold: string;
  /**
   * Candidates in the count, undeclared write-ins included.
   */
  numCandidates: number;
  /**
   * Seats to fill.
   */
  numWinners: number;
  /**
   * Ballots counted.
   */
  totalNumBallots: string;
  /**
   * Ballots that rank nobody.
   */
  undervotes: number;
}
/**
 * What the report needs beyond the count: the header fields of RCTab's contest config and
 * the candidates in config order. Every field may be left out.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "RctabReportOptions".
 */
export interface RctabReportOptions {
  /**
   * The candidates in the config's order, undeclared write-ins (`Undeclared Write-ins`)
   * last, as RCTab lists them. Only the CSV's order of candidates tied in the first round
   * depends on it. Default: the result's candidates by id, write-ins last.
   */
  candidates?: string[] | null;
  /**
   * The contest's name (RCTab's `outputSettings.contestName`).
   */
  contest?: string;
  /**
   * The contest's date as RCTab's config has it (`outputSettings.contestDate`), e.g.
   * `2024-11-05`; written as given.
   */
  date?: string;
  /**
   * The tabulator that made the report, RCTab's `generatedBy` (`RCTab 2.0.0` in RCTab's
   * own reports). Default: `huaide` and its version (`huaide 0.1.0`).
   */
  generated_by?: string | null;
  /**
   * The jurisdiction (`outputSettings.contestJurisdiction`).
   */
  jurisdiction?: string;
  /**
   * The office (`outputSettings.contestOffice`).
   */
  office?: string;
}
/**
 * Options of [`read_ballot_file`]; each format reads the ones it needs.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ReadOptions".
 */
export interface ReadOptions {
  /**
   * The contest to read from a cast vote record export (RCTab's `contestId`): the CDF
   * contest's `Name` or `@id`/`ObjectId`, Dominion's contest `Id`, Hart's contest `Id`,
   * Clear Ballot's contest name. Required for those formats.
   */
  contest?: string | null;
  /**
   * Form exports: which submission of a voter counts, `first` (default) or `last`.
   */
  duplicates?: Duplicates | null;
  /**
   * Form exports: the text encoding of a CSV file (default: detected).
   */
  encoding?: string | null;
  /**
   * RCTab generic CSV: the first column holding votes, 1-based (default 2).
   */
  first_vote_column?: number | null;
  /**
   * RCTab generic CSV: the first row holding votes, 1-based, after the header (default 2).
   */
  first_vote_row?: number | null;
  /**
   * Form exports: how to read the answers (default: detected).
   */
  kind?: AnswerKind | null;
  /**
   * Form exports: size limits.
   */
  limits?: Limits | null;
  /**
   * Form exports: the question to read (its text, part of it, or its number).
   */
  question?: string | null;
  /**
   * Form exports: the sheet of a workbook (default: the first).
   */
  sheet?: string | null;
  /**
   * Form exports: the header of the submission time (default: the tool's, e.g. `Timestamp`).
   */
  timestamp_column?: string | null;
  /**
   * Form exports: the IANA time zone of timestamps without an offset (default UTC).
   */
  timezone?: string | null;
  /**
   * The candidate id (or name) the export uses for undeclared write-ins (RCTab's
   * `undeclaredWriteInLabel`): its marks become marks for [`UNDECLARED_WRITE_IN`].
   */
  undeclared_write_in_label?: string | null;
  /**
   * Form exports: the header of the voter column (default: the tool's, e.g. `Email Address`).
   */
  voter_column?: string | null;
}
/**
 * The options of a call that produces text: `{"lang": "zh"}` (every field optional).
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "TextOptions".
 */
export interface TextOptions {
  /**
   * The language of the text (default `"en"`).
   */
  lang?: Lang & string;
}
/**
 * The outcome of [`super::Plan::validate`]: findings sorted by path (numbers in paths compare
 * as numbers, so `programs[2]` comes before `programs[10]`), then code.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "ValidationReport".
 */
export interface ValidationReport {
  /**
   * Number of error findings.
   */
  errors: number;
  /**
   * Every finding, sorted by path (numbers as numbers), code, then message.
   */
  findings: Finding[];
  /**
   * True when no finding is an error.
   */
  ok: boolean;
  /**
   * Number of warning findings.
   */
  warnings: number;
}
/**
 * The outcome of [`verify`].
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "VerifyReport".
 */
export interface VerifyReport {
  /**
   * The huaide version that made the audit file.
   */
  audit_version: string;
  /**
   * `verified`, `inputs_withheld`, or the code of the most telling difference.
   */
  code: string;
  /**
   * Everything found to differ.
   */
  differences: Difference[];
  /**
   * What the audit is about.
   */
  kind: AuditKind;
  /**
   * True when the result was re-run and is the same (`code` `verified`).
   */
  ok: boolean;
  /**
   * Whether the count or allocation was re-run.
   */
  rerun: boolean;
  /**
   * The huaide version that verified it.
   */
  verifier_version: string;
}
/**
 * Options of [`write_ballot_file`]; each format reads the ones it needs.
 *
 * This interface was referenced by `HuaideWireFormat`'s JSON-Schema
 * via the `definition` "WriteOptions".
 */
export interface WriteOptions {
  /**
   * PrefLib: the data type to write. Default: the narrowest type that fits the ballots
   * (`soc` when every order is strict and complete, `soi`, `toc`, else `toi`). A type the
   * ballots do not fit is an error naming the first ballot that does not.
   */
  data_type?: PreflibType | null;
  /**
   * PrefLib: the `# FILE NAME` header. Default: `ballots.<data type>`.
   */
  file_name?: string | null;
}
