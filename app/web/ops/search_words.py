"""Search words in the operators' console: the synonym groups search reads (ชาดำ, black tea,
紅茶, teh hitam), added, changed and deleted here, and a box that shows how search reads a
query with the groups in force. Checks and audit are the service's
(services.search.synonym_groups)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.models.search import SearchSynonymGroup
from app.services.errors import RulesRefused
from app.services.search import synonym_groups
from app.services.search.text import clean_query
from app.transaction import unit_of_work
from app.web.access import operator
from app.web.ops.routes import bp
from app.web.ops.rule_forms import SynonymGroupForm, show_problems


def _group_or_404(group_id: int) -> SearchSynonymGroup:
    group = db.session.get(SearchSynonymGroup, group_id)
    if group is None:
        abort(404)
    return group


def _save(form: SynonymGroupForm, group: SearchSynonymGroup | None) -> SearchSynonymGroup | None:
    try:
        with unit_of_work():
            return synonym_groups.save(
                group, form.name.data, form.attribute.data, form.terms.data, current_user
            )
    except RulesRefused as refused:
        show_problems(form, refused.problems)
        return None


@bp.route("/search-words", methods=["GET", "POST"])
@operator
def search_words():
    form = SynonymGroupForm()
    if form.validate_on_submit():
        group = _save(form, None)
        if group is not None:
            flash(_("Added the group “%(name)s”.", name=group.name), "success")
            return redirect(url_for("ops.search_words"), code=303)
    query = clean_query(request.args.get("q", "", type=str)[:200])
    groups = synonym_groups.groups()
    return render_template(
        "ops/search_words.html",
        form=form,
        groups=groups,
        query=query,
        reading=synonym_groups.reading(query, groups) if query else [],
    )


@bp.route("/search-words/<int:group_id>", methods=["GET", "POST"])
@operator
def edit_search_words(group_id: int):
    group = _group_or_404(group_id)
    form = SynonymGroupForm(obj=group if request.method == "GET" else None)
    if request.method == "GET":
        form.attribute.data = group.attribute or ""
        form.terms.data = "\n".join(t.term for t in group.terms)
    if form.validate_on_submit() and _save(form, group) is not None:
        flash(_("Saved the group “%(name)s”.", name=group.name), "success")
        return redirect(url_for("ops.search_words"), code=303)
    return render_template("ops/search_word_group.html", form=form, group=group)


@bp.post("/search-words/<int:group_id>/delete")
@operator
def delete_search_words(group_id: int):
    group = _group_or_404(group_id)
    name = group.name
    with unit_of_work():
        synonym_groups.delete(group, current_user)
    flash(_("Deleted the group “%(name)s”.", name=name), "success")
    return redirect(url_for("ops.search_words"), code=303)
