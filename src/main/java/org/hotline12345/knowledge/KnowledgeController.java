package org.hotline12345.knowledge;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;

import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.user.HotlineUser;
import org.hotline12345.user.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;

/**
 * /knowledge: operators and supervisors search and read; only supervisors write, create and retire (checked here
 * with {@code @PreAuthorize} and again in {@link KnowledgeBase}).
 */
@Controller
class KnowledgeController {

	private static final int PAGE = 50;

	private final KnowledgeBase knowledge;

	private final DepartmentDirectory directory;

	KnowledgeController(KnowledgeBase knowledge, DepartmentDirectory directory) {
		this.knowledge = knowledge;
		this.directory = directory;
	}

	@GetMapping("/knowledge")
	String list(@RequestParam(name = "q", required = false) String query, @AuthenticationPrincipal HotlineUser user,
			Model model) {
		String q = (query != null) ? query.strip() : "";
		if (q.length() > 200) {
			q = q.substring(0, 200);
		}
		boolean editor = user.role() == Role.SUPERVISOR;
		long started = System.nanoTime();
		List<KnowledgeArticle> articles = q.isEmpty() ? this.knowledge.recent(editor, PAGE)
				: this.knowledge.search(q, PAGE);
		model.addAttribute("tookMillis", (System.nanoTime() - started) / 1_000_000);
		model.addAttribute("q", q);
		model.addAttribute("articles", articles);
		model.addAttribute("editor", editor);
		model.addAttribute("activeCount", this.knowledge.countActive());
		return "knowledge/list";
	}

	@GetMapping("/knowledge/{id}")
	String article(@PathVariable long id, @AuthenticationPrincipal HotlineUser user, Model model) {
		KnowledgeArticle article = find(id);
		model.addAttribute("article", article);
		model.addAttribute("categoryPath", (article.categoryCode() != null)
				? this.directory.category(article.categoryCode()).map((c) -> c.path()).orElse(article.categoryCode())
				: null);
		model.addAttribute("sourceUnitName", (article.sourceUnitCode() != null)
				? this.directory.unit(article.sourceUnitCode()).map((u) -> u.name()).orElse(article.sourceUnitCode())
				: null);
		model.addAttribute("editor", user.role() == Role.SUPERVISOR);
		return "knowledge/article";
	}

	@GetMapping("/knowledge/new")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String createForm(Model model) {
		return form(model, ArticleForm.empty(), null);
	}

	@PostMapping("/knowledge")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String create(@Valid @ModelAttribute("form") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal HotlineUser user, Model model, RedirectAttributes redirect) {
		checkCodes(form, result);
		if (result.hasErrors()) {
			return form(model, form, null);
		}
		long id = this.knowledge.create(form.draft(), user);
		redirect.addFlashAttribute("message", "knowledge.saved");
		return "redirect:/knowledge/" + id;
	}

	@GetMapping("/knowledge/{id}/edit")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String editForm(@PathVariable long id, Model model) {
		return form(model, ArticleForm.of(find(id)), id);
	}

	@PostMapping("/knowledge/{id}")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") ArticleForm form, BindingResult result,
			@AuthenticationPrincipal HotlineUser user, Model model, RedirectAttributes redirect) {
		find(id);
		checkCodes(form, result);
		if (form.versionValue() == null) {
			result.reject("knowledge.error.version");
		}
		if (result.hasErrors()) {
			return form(model, form, id);
		}
		try {
			this.knowledge.update(id, form.versionValue(), form.draft(), user);
		}
		catch (ArticleChangedConcurrentlyException ex) {
			result.reject("knowledge.error.concurrent");
			return form(model, form, id);
		}
		redirect.addFlashAttribute("message", "knowledge.saved");
		return "redirect:/knowledge/" + id;
	}

	@PostMapping("/knowledge/{id}/active")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String setActive(@PathVariable long id, @RequestParam boolean active, @RequestParam long version,
			@AuthenticationPrincipal HotlineUser user, RedirectAttributes redirect) {
		find(id);
		try {
			this.knowledge.setActive(id, version, active, user);
			redirect.addFlashAttribute("message", active ? "knowledge.restored" : "knowledge.retired");
		}
		catch (ArticleChangedConcurrentlyException ex) {
			redirect.addFlashAttribute("message", "knowledge.error.concurrent");
		}
		return "redirect:/knowledge/" + id;
	}

	private String form(Model model, ArticleForm form, Long id) {
		model.addAttribute("form", form);
		model.addAttribute("articleId", id);
		model.addAttribute("categories", this.directory.categories());
		model.addAttribute("units", this.directory.units());
		return "knowledge/form";
	}

	private void checkCodes(ArticleForm form, BindingResult result) {
		if (form.categoryCode() != null && !form.categoryCode().isBlank()
				&& this.directory.category(form.categoryCode().strip()).isEmpty()) {
			result.rejectValue("categoryCode", "knowledge.error.category");
		}
		if (form.sourceUnitCode() != null && !form.sourceUnitCode().isBlank()
				&& this.directory.unit(form.sourceUnitCode().strip()).isEmpty()) {
			result.rejectValue("sourceUnitCode", "knowledge.error.unit");
		}
		if (!ArticleForm.validDate(form.validFrom())) {
			result.rejectValue("validFrom", "knowledge.error.date");
		}
		if (!ArticleForm.validDate(form.validTo())) {
			result.rejectValue("validTo", "knowledge.error.date");
		}
		LocalDate from = ArticleForm.date(form.validFrom());
		LocalDate to = ArticleForm.date(form.validTo());
		if (from != null && to != null && to.isBefore(from)) {
			result.rejectValue("validTo", "knowledge.error.validTo");
		}
	}

	private KnowledgeArticle find(long id) {
		return this.knowledge.article(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
