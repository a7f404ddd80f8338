<?cs # The content of a course: the text form, the PDF document, and a
  preview of the saved text as learners see it.

  Text cut into parts by page_text_parts: a paragraph per blank line, a
  <br> per line break, and web addresses as links that open in a new tab.
?><?cs def:text_parts(parts) ?><p><?cs each:t = parts ?><?cs
  if:t.Kind == "link" ?><a href="<?cs var:t.Href ?>" rel="noopener" target="_blank"><?cs var:t.Text ?><span class="visually-hidden"> (opens in a new tab)</span></a><?cs
  elif:t.Kind == "br" ?><br><?cs
  elif:t.Kind == "p" ?></p><p><?cs
  else ?><?cs var:t.Text ?><?cs /if ?><?cs /each ?></p><?cs /def ?><?cs #

?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses">Courses</a> › <a href="/admin/courses/<?cs var:Course.Id ?>"><?cs var:Course.Code ?> <?cs var:Course.Name ?></a></p>
<div class="page-header">
  <h1>Content of <?cs var:Course.Code ?></h1>
  <div class="actions"><a class="button" href="/admin/courses/<?cs var:Course.Id ?>/assessment">Assessment</a></div>
</div>
<p>Learners registered in the course open this content on its page. Opening it marks their registration in progress.</p>
<?cs call:form_errors() ?>
<form method="post" enctype="multipart/form-data" action="/admin/courses/<?cs var:Course.Id ?>/content">
  <?cs call:csrf_field() ?>
  <div class="form">
  <div class="field<?cs if:Form.Errors.body ?> field-invalid<?cs /if ?>">
    <label for="body">Text</label>
    <p class="field-hint" id="body-hint">Plain text of up to <?cs var:Content.TextMax ?> characters. A blank line starts a new paragraph, and web addresses that start with http:// or https:// become links. HTML is shown as written, not applied.</p>
    <textarea id="body" name="body" rows="14" aria-describedby="body-hint<?cs if:Form.Errors.body ?> body-error<?cs /if ?>"<?cs if:Form.Errors.body ?> aria-invalid="true"<?cs /if ?>><?cs var:Form.body ?></textarea>
    <?cs call:field_error("body", Form.Errors.body) ?>
  </div>
  <div class="field<?cs if:Form.Errors.document ?> field-invalid<?cs /if ?>">
    <label for="document">Document (PDF)</label>
    <p class="field-hint" id="document-hint">A PDF file of at most 8 MB.<?cs if:Content.DocumentId ?> Choose a file only to replace the current document.<?cs /if ?></p>
    <input id="document" name="document" type="file" accept="application/pdf,.pdf" aria-describedby="document-hint<?cs if:Form.Errors.document ?> document-error<?cs /if ?>"<?cs if:Form.Errors.document ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("document", Form.Errors.document) ?>
    <?cs if:Content.FileDropped ?><p class="field-hint">The document you chose was not saved because of the errors in this form. Choose it again before saving.</p><?cs /if ?>
  </div>
<?cs if:Content.DocumentId ?>
  <div class="field">
    <p class="field-label">Current document</p>
    <p><a href="/files/<?cs var:Content.DocumentId ?>"><?cs var:Content.DocumentName ?></a> <span class="muted">(PDF, <?cs var:Content.DocumentSize ?>)</span></p>
  </div>
  <?cs call:field_checkbox("remove_document", "Remove the document", Form.remove_document) ?>
<?cs /if ?>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Save</button>
    <a class="button" href="/admin/courses/<?cs var:Course.Id ?>">Cancel</a>
  </div>
  </div>
</form>

<section aria-labelledby="preview-title">
<h2 id="preview-title">How learners see the saved text</h2>
<?cs if:subcount(Preview) > 0 ?>
<div class="card"><?cs call:text_parts(Preview) ?></div>
<?cs else ?>
<p class="empty-state">This course has no text yet.</p>
<?cs /if ?>
</section>
<?cs /def ?>
