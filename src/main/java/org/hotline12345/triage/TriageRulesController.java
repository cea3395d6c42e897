package org.hotline12345.triage;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.hotline12345.department.CategoryView;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.ticket.TriageLevel;
import org.hotline12345.ticket.TriageMark;
import org.hotline12345.triage.RuleForms.CategoryForm;
import org.hotline12345.triage.RuleForms.PhraseForm;
import org.hotline12345.triage.RuleForms.SettingsForm;
import org.hotline12345.triage.RuleSet.CategoryDefault;
import org.hotline12345.triage.RuleSet.RequestTypeFactor;
import org.hotline12345.triage.RuleSetDrafts.UnknownRuleSetException;
import org.hotline12345.user.HotlineUser;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervisors' rule editor (分级规则): the published rule set and its versions, a draft to edit, the "try it" box,
 * the back-test on recent tickets, the evaluation report, and publishing. Only SUPERVISOR reaches /triage/rules/**.
 */
@Controller
@RequestMapping("/triage/rules")
class TriageRulesController {

	private static final int MAX_BACK_TEST_WEEKS = 26;

	private final RuleSetDrafts drafts;

	private final BackTest backTest;

	private final EvaluationSet evaluationSet;

	private final DepartmentDirectory directory;

	TriageRulesController(RuleSetDrafts drafts, BackTest backTest, EvaluationSet evaluationSet,
			DepartmentDirectory directory) {
		this.drafts = drafts;
		this.backTest = backTest;
		this.evaluationSet = evaluationSet;
		this.directory = directory;
	}

	@ModelAttribute("kinds")
	List<RuleKind> kinds() {
		return Arrays.asList(RuleKind.values());
	}

	@ModelAttribute("marks")
	List<TriageMark> marks() {
		return Arrays.asList(TriageMark.values());
	}

	@ModelAttribute("levels")
	List<TriageLevel> levels() {
		return Arrays.asList(TriageLevel.values());
	}

	@GetMapping
	String overview(Model model) {
		int published = this.drafts.published().ruleSet().version();
		model.addAttribute("published", published);
		model.addAttribute("versions", this.drafts.versions().stream().map(VersionView::of).toList());
		model.addAttribute("draft", this.drafts.draft().map(RuleSetEntity::version).orElse(null));
		return "triage/rules";
	}

	@PostMapping("/drafts")
	String createDraft(@AuthenticationPrincipal HotlineUser user, RedirectAttributes flash) {
		int version = this.drafts.createDraft(user.getUsername());
		flash.addFlashAttribute("message", "triage.flash.draftReady");
		return "redirect:/triage/rules/" + version;
	}

	@GetMapping("/{version}")
	String ruleSet(@PathVariable int version, @RequestParam(required = false) RuleKind kind,
			@RequestParam(required = false) String q, Model model) {
		RuleSetEntity entity = find(version);
		RuleSet rules = entity.toRuleSet();
		String query = (q != null && !q.isBlank()) ? q.strip() : null;
		Map<RuleKind, Integer> counts = new EnumMap<>(RuleKind.class);
		rules.phrases().forEach((p) -> counts.merge(p.kind(), 1, Integer::sum));
		List<PhraseRow> phrases = entity.rules()
			.stream()
			.filter((r) -> r.rowType() == RuleEntity.RowType.PHRASE)
			.filter((r) -> kind == null || r.kind() == kind)
			.filter((r) -> query == null || r.phrase().contains(query) || r.ruleName().contains(query))
			.map((r) -> new PhraseRow(r.id(), r.kind(), r.ruleName(), r.phrase(), r.weight(), r.mark(), r.critical()))
			.toList();
		List<CategoryRow> categories = entity.rules()
			.stream()
			.filter((r) -> r.rowType() == RuleEntity.RowType.CATEGORY)
			.map((r) -> CategoryRow.of(r.id(), r.toCategoryDefault(), this.directory))
			.toList();
		List<TypeRow> types = entity.rules()
			.stream()
			.filter((r) -> r.rowType() == RuleEntity.RowType.REQUEST_TYPE)
			.map((r) -> new TypeRow(r.id(), r.toRequestTypeFactor()))
			.toList();
		model.addAttribute("ruleSet", VersionView.of(entity));
		model.addAttribute("rules", rules);
		model.addAttribute("phrases", phrases);
		model.addAttribute("phraseTotal", rules.phrases().size());
		model.addAttribute("kindCounts", counts);
		model.addAttribute("categories", categories);
		model.addAttribute("types", types);
		model.addAttribute("kind", kind);
		model.addAttribute("q", query);
		model.addAttribute("editable", entity.status() == RuleSetEntity.Status.DRAFT);
		model.addAttribute("publishedVersion", this.drafts.published().ruleSet().version());
		return "triage/ruleset";
	}

	/** The "try it" box: the grade and reasons with this version and with the published rules, side by side. */
	@GetMapping("/{version}/try")
	String tryIt(@PathVariable int version, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) String requestType, @RequestParam(required = false) String categoryCode,
			Model model) {
		String clipped = (text.length() > 4000) ? text.substring(0, 4000) : text;
		TriageInput input = new TriageInput(clipped, requestType, categoryCode, null, false);
		model.addAttribute("version", version);
		model.addAttribute("text", clipped);
		if (!clipped.isBlank()) {
			model.addAttribute("candidate", this.drafts.engine(version).grade(input));
			model.addAttribute("current", this.drafts.published().grade(input));
		}
		return "triage/try :: result";
	}

	@GetMapping("/{version}/phrases/new")
	String newPhrase(@PathVariable int version, Model model) {
		requireDraft(version);
		model.addAttribute("form", PhraseForm.empty());
		model.addAttribute("version", version);
		return "triage/phrase-form";
	}

	@PostMapping("/{version}/phrases")
	String addPhrase(@PathVariable int version, @Valid @ModelAttribute("form") PhraseForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		RuleSetEntity draft = requireDraft(version);
		checkDuplicate(draft, form, null, errors);
		if (errors.hasErrors()) {
			model.addAttribute("version", version);
			return "triage/phrase-form";
		}
		return change(version, flash, "triage.flash.phraseAdded", (v) -> this.drafts.addPhrase(v, form.toRule()),
				"?kind=" + form.kind());
	}

	@GetMapping("/{version}/phrases/{id}/edit")
	String editPhrase(@PathVariable int version, @PathVariable long id, Model model) {
		RuleSetEntity draft = requireDraft(version);
		model.addAttribute("form", PhraseForm.of(row(draft, id)));
		model.addAttribute("version", version);
		model.addAttribute("ruleId", id);
		return "triage/phrase-form";
	}

	@PostMapping("/{version}/phrases/{id}")
	String changePhrase(@PathVariable int version, @PathVariable long id, @Valid @ModelAttribute("form") PhraseForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		RuleSetEntity draft = requireDraft(version);
		row(draft, id);
		checkDuplicate(draft, form, id, errors);
		if (errors.hasErrors()) {
			model.addAttribute("version", version);
			model.addAttribute("ruleId", id);
			return "triage/phrase-form";
		}
		return change(version, flash, "triage.flash.phraseChanged",
				(v) -> this.drafts.changePhrase(v, id, form.toRule()), "?kind=" + form.kind());
	}

	@PostMapping("/{version}/rules/{id}/delete")
	String remove(@PathVariable int version, @PathVariable long id, @RequestParam(required = false) RuleKind kind,
			RedirectAttributes flash) {
		return change(version, flash, "triage.flash.ruleRemoved", (v) -> this.drafts.remove(v, id),
				(kind != null) ? "?kind=" + kind : "");
	}

	@GetMapping("/{version}/categories/new")
	String newCategory(@PathVariable int version, Model model) {
		requireDraft(version);
		model.addAttribute("form", CategoryForm.empty());
		model.addAttribute("version", version);
		return "triage/category-form";
	}

	@PostMapping("/{version}/categories")
	String addCategory(@PathVariable int version, @Valid @ModelAttribute("form") CategoryForm form, BindingResult errors,
			Model model, RedirectAttributes flash) {
		RuleSetEntity draft = requireDraft(version);
		if (!errors.hasFieldErrors("categoryCode")) {
			if (this.directory.category(form.categoryCode().strip()).isEmpty()) {
				errors.rejectValue("categoryCode", "triage.form.category.unknown");
			}
			else if (draft.toRuleSet().categoryDefaults().stream()
				.anyMatch((c) -> c.categoryCode().equals(form.categoryCode().strip()))) {
				errors.rejectValue("categoryCode", "triage.form.category.duplicate");
			}
		}
		if (errors.hasErrors()) {
			model.addAttribute("version", version);
			return "triage/category-form";
		}
		return change(version, flash, "triage.flash.categoryAdded", (v) -> this.drafts.addCategory(v, form.toRule()),
				"#categories");
	}

	@PostMapping("/{version}/request-types/{id}")
	String changeFactor(@PathVariable int version, @PathVariable long id, @RequestParam(required = false) Integer factor,
			RedirectAttributes flash) {
		if (factor == null || factor < 0 || factor > 200) {
			flash.addFlashAttribute("errorKey", "triage.form.factor.range");
			return "redirect:/triage/rules/" + version + "#types";
		}
		return change(version, flash, "triage.flash.factorChanged", (v) -> this.drafts.changeFactor(v, id, factor),
				"#types");
	}

	@GetMapping("/{version}/settings")
	String settings(@PathVariable int version, Model model) {
		RuleSetEntity draft = requireDraft(version);
		model.addAttribute("form", SettingsForm.of(draft.toRuleSet()));
		model.addAttribute("version", version);
		return "triage/settings-form";
	}

	@PostMapping("/{version}/settings")
	String changeSettings(@PathVariable int version, @Valid @ModelAttribute("form") SettingsForm form,
			BindingResult errors, Model model, RedirectAttributes flash) {
		requireDraft(version);
		if (!errors.hasFieldErrors("urgent") && !errors.hasFieldErrors("critical") && form.critical() < form.urgent()) {
			errors.rejectValue("critical", "triage.form.critical.belowUrgent");
		}
		if (errors.hasErrors()) {
			model.addAttribute("version", version);
			return "triage/settings-form";
		}
		return change(version, flash, "triage.flash.settingsChanged",
				(v) -> this.drafts.changeSettings(v, form.thresholds(), form.cluster()), "#settings");
	}

	/** 回测: the tickets of the last weeks whose level this version would change. */
	@GetMapping("/{version}/backtest")
	String backTest(@PathVariable int version, @RequestParam(defaultValue = "4") int weeks, Model model) {
		RuleSetEntity entity = find(version);
		int clamped = Math.max(1, Math.min(weeks, MAX_BACK_TEST_WEEKS));
		model.addAttribute("ruleSet", VersionView.of(entity));
		model.addAttribute("result", this.backTest.run(this.drafts.engine(version), this.drafts.published(), clamped));
		model.addAttribute("maxWeeks", MAX_BACK_TEST_WEEKS);
		return "triage/backtest";
	}

	/** 评测: the labelled evaluation set graded by the published rules and by this version. */
	@GetMapping("/{version}/evaluation")
	String evaluation(@PathVariable int version, Model model) {
		RuleSetEntity entity = find(version);
		List<TriageEvaluation.LabelledCase> cases = this.evaluationSet.cases();
		TriageEvaluation.Report candidate = TriageEvaluation.evaluate(cases, this.drafts.engine(version));
		TriageEvaluation.Report current = TriageEvaluation.evaluate(cases, this.drafts.published());
		model.addAttribute("ruleSet", VersionView.of(entity));
		model.addAttribute("candidate", candidate);
		model.addAttribute("current", current);
		model.addAttribute("reports", (candidate.ruleSetVersion() == current.ruleSetVersion()) ? List.of(current)
				: List.of(current, candidate));
		return "triage/evaluation";
	}

	@PostMapping("/{version}/publish")
	String publish(@PathVariable int version, @AuthenticationPrincipal HotlineUser user, RedirectAttributes flash) {
		try {
			this.drafts.publish(version, user.getUsername());
		}
		catch (IllegalStateException ex) {
			flash.addFlashAttribute("errorKey", "triage.error.notDraft");
			return "redirect:/triage/rules/" + version;
		}
		flash.addFlashAttribute("message", "triage.flash.published");
		flash.addFlashAttribute("messageArg", version);
		return "redirect:/triage/rules";
	}

	@PostMapping("/{version}/discard")
	String discard(@PathVariable int version, @AuthenticationPrincipal HotlineUser user, RedirectAttributes flash) {
		try {
			this.drafts.discard(version, user.getUsername());
		}
		catch (IllegalStateException ex) {
			flash.addFlashAttribute("errorKey", "triage.error.notDraft");
			return "redirect:/triage/rules/" + version;
		}
		flash.addFlashAttribute("message", "triage.flash.discarded");
		return "redirect:/triage/rules";
	}

	private String change(int version, RedirectAttributes flash, String message, Consumer<Integer> step,
			String suffix) {
		try {
			step.accept(version);
			flash.addFlashAttribute("message", message);
		}
		catch (IllegalStateException ex) {
			flash.addFlashAttribute("errorKey", "triage.error.notDraft");
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("errorKey", "triage.error.noSuchRule");
		}
		return "redirect:/triage/rules/" + version + suffix;
	}

	private RuleSetEntity find(int version) {
		return this.drafts.find(version).orElseThrow(() -> new UnknownRuleSetException(version));
	}

	private RuleSetEntity requireDraft(int version) {
		RuleSetEntity entity = find(version);
		if (entity.status() != RuleSetEntity.Status.DRAFT) {
			throw new NotADraftException(version);
		}
		return entity;
	}

	@ExceptionHandler(NotADraftException.class)
	String notADraft(NotADraftException ex, RedirectAttributes flash) {
		flash.addFlashAttribute("errorKey", "triage.error.notDraft");
		return "redirect:/triage/rules/" + ex.version;
	}

	private static RuleEntity row(RuleSetEntity draft, long id) {
		try {
			RuleEntity rule = draft.rule(id);
			if (rule.rowType() != RuleEntity.RowType.PHRASE) {
				throw new UnknownRuleSetException(draft.version());
			}
			return rule;
		}
		catch (IllegalArgumentException ex) {
			throw new UnknownRuleSetException(draft.version());
		}
	}

	private static void checkDuplicate(RuleSetEntity draft, PhraseForm form, Long except, BindingResult errors) {
		if (errors.hasFieldErrors("phrase") || form.kind() == null) {
			return;
		}
		String phrase = form.phrase().strip();
		boolean duplicate = draft.rules()
			.stream()
			.anyMatch((r) -> r.rowType() == RuleEntity.RowType.PHRASE && r.kind() == form.kind()
					&& phrase.equals(r.phrase()) && (except == null || !except.equals(r.id())));
		if (duplicate) {
			errors.rejectValue("phrase", "triage.form.phrase.duplicate");
		}
	}

	/** Editing a version that is no longer a draft: back to its page with a message. */
	static class NotADraftException extends RuntimeException {

		final int version;

		NotADraftException(int version) {
			super("Triage rule set v" + version + " is not a draft");
			this.version = version;
		}

	}

	/**
	 * A version in the list.
	 */
	record VersionView(int version, String status, String createdBy, Instant createdAt, Instant publishedAt,
			String note) {

		static VersionView of(RuleSetEntity entity) {
			return new VersionView(entity.version(), entity.status().name(), entity.createdBy(), entity.createdAt(),
					entity.publishedAt(), entity.note());
		}

		public boolean draft() {
			return "DRAFT".equals(this.status);
		}

	}

	record PhraseRow(long id, RuleKind kind, String rule, String phrase, int weight, TriageMark mark,
			boolean critical) {

		public boolean modifier() {
			return this.kind.isModifier();
		}

	}

	record CategoryRow(long id, String categoryCode, String path, String rule, TriageLevel floor, TriageMark mark,
			boolean known) {

		static CategoryRow of(long id, CategoryDefault rule, DepartmentDirectory directory) {
			var category = directory.category(rule.categoryCode());
			return new CategoryRow(id, rule.categoryCode(), category.map(CategoryView::path).orElse(rule.categoryCode()),
					rule.rule(), rule.floor(), rule.mark(), category.isPresent());
		}

	}

	record TypeRow(long id, RequestTypeFactor factor) {

		public String label() {
			return this.factor.label();
		}

		public String code() {
			return this.factor.requestType().toUpperCase(Locale.ROOT);
		}

	}

}
