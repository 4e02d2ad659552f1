/** flagdiff's public API: the model, the readers, the comparison and the reporters. Re-exports only. */

// model
export { ARCHES, archFromKernelArch, isArch, kernelArchOf } from './model/arch.js';
export type { Arch, WordFacts } from './model/arch.js';
export type { Argument, Build, RecipeBuilds } from './model/build.js';
export { CODES, FINDINGS_DOCS_URL, docsUrl } from './model/codes.js';
export type { Code, CodeInfo } from './model/codes.js';
export type { ConfigMeta, ConfigSet, ConfigShape, Domain } from './model/config-set.js';
export { InputError, diagnostic } from './model/diagnostic.js';
export type { Diagnostic } from './model/diagnostic.js';
export { FINDING_KINDS } from './model/finding.js';
export type { Finding, FindingKind, Hint } from './model/finding.js';
export { parseKconfigValue, sameKconfigValue, tristateRank } from './model/kconfig-value.js';
export type { KconfigValue } from './model/kconfig-value.js';
export { mergeConfigSets, override, writersOf } from './model/merge-config-sets.js';
export { formatOrigin } from './model/origin.js';
export type { Origin } from './model/origin.js';
export { profileFromConfig, reasonOf } from './model/profile-from-config.js';
export type { ProfileOptions } from './model/profile-from-config.js';
export type { Report, ReportDocument, Summary } from './model/report.js';
export type { Profile, Requirement } from './model/requirement.js';
export type { Assignment, Setting } from './model/setting.js';
export { SEVERITIES, severityRank } from './model/severity.js';
export type { Severity } from './model/severity.js';

// static evaluation
export { DEFAULT_MACRO_LIMITS } from './eval/rpm/macro-engine.js';
export type { MacroLimits } from './eval/rpm/macro-engine.js';
export { preprocessSpec } from './eval/rpm/preprocess-spec.js';
export type { IncludeReader, IncludeResult, PreprocessedSpec, SpecOptions, SpecSection } from './eval/rpm/preprocess-spec.js';
export { originAt } from './eval/rpm/spanned-text.js';
export type { Mark, Place, Span, SpannedText } from './eval/rpm/spanned-text.js';
export { evaluateShell, runShell } from './eval/shell/evaluate-shell.js';
export type { ShellOptions, ShellRun } from './eval/shell/evaluate-shell.js';
export { parseShell } from './eval/shell/parse-shell.js';
export type { ShellScript } from './eval/shell/shell-ast.js';
export { DEFAULT_SHELL_LIMITS } from './eval/shell/shell-state.js';
export type { CommandCall, CommandHook, CommandResult, ExitStatus, FileWrite, ShellLimits } from './eval/shell/shell-state.js';
export { textOf } from './eval/shell/shell-value.js';
export type { Piece, ShellString, ShellVariable } from './eval/shell/shell-value.js';
export { TEXT_COMMANDS } from './eval/shell/text-commands.js';

// readers
export { DEFAULT_LIMITS, decodeInput } from './readers/decode-input.js';
export type { InputLimits } from './readers/decode-input.js';
export type { PathKind, ReadHost } from './readers/host.js';
export { readKataKernel } from './readers/kata/read-kata-kernel.js';
export type { KataKernelData, KataSourceInfo } from './readers/kata/read-kata-kernel.js';
export { loadFragments, loadKconfig } from './readers/kconfig/load-kconfig.js';
export { confinedInclude } from './readers/rpm/confined-include.js';
export { loadSpec } from './readers/rpm/load-spec.js';
export type { SpecReadOptions } from './readers/rpm/load-spec.js';
export { readKconfig } from './readers/kconfig/read-kconfig.js';

// knowledge
export { kataKernelFlavors, kataKernelProfile } from './knowledge/kata-kernel-profile.js';

// compare
export { compareKernel, judge } from './compare/compare-kernel.js';
export type { KernelCompareOptions } from './compare/compare-kernel.js';

// report
export { describeOrigin, formatBuildsText } from './report/format-builds.js';
export { formatJson } from './report/format-json.js';
export { formatSettingsJson, formatSettingsText } from './report/format-settings.js';
export type { Shown } from './report/format-settings.js';
export { formatText } from './report/format-text.js';
export type { TextOptions } from './report/format-text.js';
export { VERSION, createReportDocument } from './report/report-document.js';
export { PLAIN_STYLE } from './report/text-style.js';
export type { TextStyle } from './report/text-style.js';

// the real file system
export { nodeHost } from './cli/node-host.js';
export type { NodeHostOptions } from './cli/node-host.js';
