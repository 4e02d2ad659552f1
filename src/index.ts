/** flagdiff's public API: the model, the readers, the comparison and the reporters. Re-exports only. */

// model
export { ARCHES, archFromDebianArch, archFromKernelArch, debianArchOf, isArch, kernelArchOf } from './model/arch.js';
export type { Arch, WordFacts } from './model/arch.js';
export type { Argument, Build, DeviceOverlay, RecipeBuilds } from './model/build.js';
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
export { moduleName } from './model/module-evidence.js';
export type { ModuleEvidence } from './model/module-evidence.js';
export { formatOrigin } from './model/origin.js';
export type { Origin } from './model/origin.js';
export { profileFromConfig, reasonOf } from './model/profile-from-config.js';
export type { NamedRequirement, QemuReference } from './model/qemu-reference.js';
export type { FeatureState, QemuCategory, QemuConfigSet, QemuSetting, QemuSubject } from './model/qemu-setting.js';
export type { ProfileOptions } from './model/profile-from-config.js';
export type { HostCheck, HostInput, Report, ReportDocument, Summary } from './model/report.js';
export type { Profile, Requirement } from './model/requirement.js';
export type { Assignment, Setting } from './model/setting.js';
export { SEVERITIES, severityRank } from './model/severity.js';
export type { Severity } from './model/severity.js';
export { matchesKey, waives } from './model/waiver.js';
export type { Waived, Waiver, WaiverSet, WaiverTarget } from './model/waiver.js';

// static evaluators
export { evaluateMinikconf } from './eval/minikconf/evaluate-minikconf.js';
export type { Contradiction, Decision, KconfigEvaluation, KconfigProgram, MinikconfMode, SymbolState, Tri } from './eval/minikconf/evaluate-minikconf.js';
export { formatExpr } from './eval/minikconf/kconfig-syntax.js';
export type { Clause, Declaration, KconfigExpr, KconfigItem, SourceItem } from './eval/minikconf/kconfig-syntax.js';
export { parseMinikconf } from './eval/minikconf/parse-minikconf.js';
export type { ParsedKconfig } from './eval/minikconf/parse-minikconf.js';

// static evaluation
export { evaluateMakefile } from './eval/make/evaluate-makefile.js';
export type { Included, MakeOptions, MakeRule, Makefile } from './eval/make/evaluate-makefile.js';
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
export { findKataLayout } from './readers/kata/kata-layout.js';
export type { KataLayout } from './readers/kata/kata-layout.js';
export { kataKernelFlavorsOf, kataKernelRequirements, kataKernelSelection } from './readers/kata/kernel-requirements.js';
export { chooseQemuBuild } from './readers/qemu/choose-build.js';
export type { BuildChoice } from './readers/qemu/choose-build.js';
export { kataQemuBuildOf, kataQemuDevicesOf, kataQemuFlavorsOf, kataQemuOptionsOf, kataQemuReferenceOf } from './readers/kata/qemu-requirements.js';
export type { KataQemuOption } from './readers/kata/qemu-requirements.js';
export { readConfigureHypervisor } from './readers/kata/read-configure-hypervisor.js';
export type { ConfigureInputs, ConfigureResult } from './readers/kata/read-configure-hypervisor.js';
export { readKataKernel } from './readers/kata/read-kata-kernel.js';
export type { KataKernelData, KataSourceInfo } from './readers/kata/read-kata-kernel.js';
export { readKataQemu } from './readers/kata/read-kata-qemu.js';
export type { KataDeviceData, KataDeviceEntry, KataQemuData } from './readers/kata/read-kata-qemu.js';
export { readKataReference } from './readers/kata/read-kata-reference.js';
export type { KataReference, KataReferenceOptions } from './readers/kata/read-kata-reference.js';
export { readQemuDevices } from './readers/kata/read-qemu-devices.js';
export { selectKataFragments } from './readers/kata/select-kata-fragments.js';
export type { KernelBuildOptions } from './readers/kata/select-kata-fragments.js';
export { annotationsConfig } from './readers/kconfig/annotations-config.js';
export { debianConfigFiles } from './readers/kconfig/debian-config-files.js';
export type { DebianSelection } from './readers/kconfig/debian-config-files.js';
export { loadAnnotations } from './readers/kconfig/load-annotations.js';
export type { AnnotationEntry, Annotations } from './readers/kconfig/load-annotations.js';
export { loadDebianConfig } from './readers/kconfig/load-debian-config.js';
export { loadFragments, loadKconfig } from './readers/kconfig/load-kconfig.js';
export { KERNEL_LAYOUTS, detectKernelLayout, loadKernelCandidate } from './readers/kconfig/load-kernel-candidate.js';
export type { DetectedLayout, KernelCandidateOptions, KernelLayout } from './readers/kconfig/load-kernel-candidate.js';
export { loadRedhatConfigs } from './readers/kconfig/load-redhat-configs.js';
export { readDebianDefines } from './readers/kconfig/read-debian-defines.js';
export type { Defines, DefinesValue } from './readers/kconfig/read-debian-defines.js';
export { loadDebianRules } from './readers/debian/load-debian-rules.js';
export type { DebianRulesOptions } from './readers/debian/load-debian-rules.js';
export { confinedInclude } from './readers/rpm/confined-include.js';
export { loadSpec } from './readers/rpm/load-spec.js';
export type { SpecReadOptions } from './readers/rpm/load-spec.js';
export { readKconfig } from './readers/kconfig/read-kconfig.js';
export { readPriorityFile, redhatFlavours } from './readers/kconfig/read-priority-file.js';
export type { PriorityFile } from './readers/kconfig/read-priority-file.js';
export { loadModuleEvidence } from './readers/modules/load-module-evidence.js';
export type { LoadedEvidence } from './readers/modules/load-module-evidence.js';
export { WAIVER_LIMITS, loadWaivers } from './readers/waivers/load-waivers.js';
export { readWaivers } from './readers/waivers/read-waivers.js';
export { loadDeviceConfig, loadDeviceSettings } from './readers/qemu/load-device-config.js';
export type { DeviceConfig } from './readers/qemu/load-device-config.js';
export { loadMinikconf } from './readers/qemu/load-minikconf.js';
export type { KconfigOverlay, LoadedKconfig, MinikconfLoadOptions } from './readers/qemu/load-minikconf.js';
export { deviceFilePath, loadQemuTree } from './readers/qemu/load-qemu-tree.js';
export type { DeviceLayout, QemuTarget, QemuTree } from './readers/qemu/load-qemu-tree.js';
export type { KconfigInputs } from './readers/qemu/read-kconfig-inputs.js';
export { selectDevices, systemTargetOf } from './readers/qemu/select-devices.js';
export type { DeviceSelection } from './readers/qemu/select-devices.js';
export { archOfTargets, normalizeBuild } from './readers/qemu/normalize-build.js';
export { normalizeList, parseOption } from './readers/qemu/parse-option.js';
export type { MergeRule, ParsedOption } from './readers/qemu/parse-option.js';
export { readFlags } from './readers/qemu/read-flags.js';
export type { FlagsOptions } from './readers/qemu/read-flags.js';
export { readQemuHelp } from './readers/qemu/read-qemu-help.js';
export type { QemuHelp, QemuHelpTexts } from './readers/qemu/read-qemu-help.js';
export { splitWords } from './readers/qemu/split-words.js';
export type { Word } from './readers/qemu/split-words.js';
export { inflateXz, readInputText } from './readers/read-input-text.js';

// knowledge
export { kataKernelData, kataKernelFlavors, kataKernelProfile } from './knowledge/kata-kernel-profile.js';
export {
  KATA_QEMU_REFERENCES,
  kataQemuArches,
  kataQemuBuild,
  kataQemuData,
  kataQemuDevices,
  kataQemuFlavors,
  kataQemuOptions,
  kataQemuReference,
} from './knowledge/kata-qemu-profile.js';
export { KERNEL_MODULES_SOURCE, kernelModuleNames } from './knowledge/kernel-module-names.js';
export { DAX_CACHE, qemuConsequence } from './knowledge/qemu-consequences.js';
export { DEVICE_HOST_NEEDS, hostSymbolValue } from './knowledge/qemu-host-symbols.js';
export type { HostSymbolValue, OptionState } from './knowledge/qemu-host-symbols.js';
export { QEMU_VOCABULARY_SOURCES, QEMU_VOCABULARY_VERSIONS, acceptance, compareVersions, currentKey, optionDefault, optionKind } from './knowledge/qemu-vocabulary.js';
export type { Acceptance } from './knowledge/qemu-vocabulary.js';

// compare
export { applyWaivers } from './compare/apply-waivers.js';
export type { WaiverOptions } from './compare/apply-waivers.js';
export { compareKernel, judge } from './compare/compare-kernel.js';
export type { KernelCompareOptions } from './compare/compare-kernel.js';
export { diffSides } from './compare/diff-sides.js';
export type { DiffSides } from './compare/diff-sides.js';
export { FAIL_ON, shouldFail } from './compare/should-fail.js';
export type { FailOn } from './compare/should-fail.js';
export { compareQemu } from './compare/compare-qemu.js';
export type { QemuBuildCandidate, QemuCompareOptions } from './compare/compare-qemu.js';
export { compareQemuBinary } from './compare/compare-qemu-binary.js';
export { compareQemuDevices } from './compare/compare-qemu-devices.js';
export type { DeviceComparison, DeviceLayer } from './compare/compare-qemu-devices.js';
export { effectiveDevices } from './compare/effective-devices.js';
export type { DeviceClosure } from './compare/effective-devices.js';
export { explainDevice } from './compare/explain-device.js';
export type { DeviceExplanation } from './compare/explain-device.js';
export { defaultValue, effectiveQemu } from './compare/effective-qemu.js';
export type { EffectiveOption } from './compare/effective-qemu.js';

// report
export { formatDiff } from './report/format-diff.js';
export type { DiffOptions } from './report/format-diff.js';
export { formatGithub } from './report/format-github.js';
export type { GithubOptions } from './report/format-github.js';
export { describeOrigin, formatBuildsText } from './report/format-builds.js';
export { formatJson } from './report/format-json.js';
export { formatMarkdown } from './report/format-markdown.js';
export type { MarkdownOptions } from './report/format-markdown.js';
export { formatSarif } from './report/format-sarif.js';
export type { SarifOptions } from './report/format-sarif.js';
export { formatSettingsJson, formatSettingsText } from './report/format-settings.js';
export type { Shown } from './report/format-settings.js';
export { formatText, summaryLine } from './report/format-text.js';
export type { TextOptions } from './report/format-text.js';
export { VERSION, createReportDocument } from './report/report-document.js';
export { PLAIN_STYLE } from './report/text-style.js';
export type { TextStyle } from './report/text-style.js';

// the real file system
export { nodeHost } from './cli/node-host.js';
export type { NodeHostOptions } from './cli/node-host.js';
