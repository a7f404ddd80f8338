<?cs # Select Prerequisites: the selected families (checked, uncheck to
  remove) and a searchable, paged list of the others to add. Save sends
  every checked box and replaces the whole set.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/certifications">Certifications</a> › <a href="/admin/certifications/<?cs var:Cert.Id ?>"><?cs var:Cert.Name ?></a></p>
<h1>Select Prerequisites</h1>
<p class="lead">Certifications that learners must hold before <strong><?cs var:Cert.Name ?></strong> (version <?cs var:Cert.Version ?>).</p>
<?cs if:Cert.ReadOnly ?>
<div class="flash flash-info" role="status">This is an older version and is read-only. <a href="/admin/certifications/<?cs var:Cert.NewestId ?>/prerequisites">Select the prerequisites of the newest version</a>.</div>
<?cs /if ?>
<form class="toolbar" method="get" action="/admin/certifications/<?cs var:Cert.Id ?>/prerequisites" role="search">
  <div class="field"><label for="list-q">Name starts with</label>
  <input id="list-q" name="q" type="search" value="<?cs var:List.q ?>"></div>
  <button type="submit" class="button button-primary">Search</button>
</form>
<?cs call:form_errors() ?>
<form method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/prerequisites">
  <?cs call:csrf_field() ?>
  <fieldset<?cs if:Cert.ReadOnly ?> disabled<?cs /if ?>>
  <legend class="visually-hidden">Prerequisites</legend>
  <fieldset class="field<?cs if:Form.Errors.rule ?> field-invalid<?cs /if ?>">
    <legend>Learners need</legend>
    <div>
    <label class="check" for="rule-all"><input id="rule-all" name="rule" type="radio" value="all"<?cs if:Form.rule != "any" ?> checked<?cs /if ?>> All of the selected certifications</label>
    <label class="check" for="rule-any"><input id="rule-any" name="rule" type="radio" value="any"<?cs if:Form.rule == "any" ?> checked<?cs /if ?>> Any one of them</label>
    </div>
    <?cs call:field_error("rule", Form.Errors.rule) ?>
  </fieldset>
  <fieldset class="field<?cs if:Form.Errors.family ?> field-invalid<?cs /if ?>"<?cs if:Form.Errors.family ?> aria-describedby="family-error"<?cs /if ?>>
    <legend>Selected prerequisites</legend>
    <?cs call:field_error("family", Form.Errors.family) ?>
    <div>
<?cs each:p = Selected ?>
    <label class="check" for="selected-<?cs var:p.FamilyId ?>"><input id="selected-<?cs var:p.FamilyId ?>" name="family" type="checkbox" value="<?cs var:p.FamilyId ?>"<?cs if:p.Checked ?> checked<?cs /if ?>> <?cs var:p.Name ?> <span class="muted small">(version <?cs var:p.Version ?>)</span></label>
<?cs /each ?>
    </div>
<?cs if:subcount(Selected) == 0 ?>
    <p class="muted">None yet. Check certifications below to add them.</p>
<?cs /if ?>
  </fieldset>
  <div class="table-wrap" role="region" aria-labelledby="candidates-caption" tabindex="0">
  <table class="data-table">
    <caption id="candidates-caption">Other certifications (newest versions)</caption>
    <thead><tr><th scope="col">Add</th><th scope="col">Name</th><th scope="col" class="num">Version</th><th scope="col">Status</th></tr></thead>
    <tbody>
<?cs each:c = Candidates ?>
      <tr>
        <td><?cs if:c.Selected ?><span class="muted small">Selected above</span><?cs else ?><input id="add-<?cs var:c.FamilyId ?>" name="family" type="checkbox" value="<?cs var:c.FamilyId ?>"><?cs /if ?></td>
        <td><?cs if:c.Selected ?><?cs var:c.Name ?><?cs else ?><label for="add-<?cs var:c.FamilyId ?>"><?cs var:c.Name ?></label><?cs /if ?></td>
        <td class="num"><?cs var:c.Version ?></td>
        <td><?cs if:c.Active == "1" ?>Active<?cs else ?>Inactive<?cs /if ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  </fieldset>
<?cs if:!Cert.ReadOnly ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/certifications/<?cs var:Cert.Id ?>">Back to the certification</a>
  </div>
<?cs /if ?>
</form>
<?cs call:pager("/admin/certifications/" + Cert.Id + "/prerequisites") ?>
<?cs /def ?>
