<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/languages">Languages</a></p>
<h1>Remove a language</h1>
<?cs if:Language.Default == "1" ?>
<p>English is the default language and cannot be removed.</p>
<?cs elif:Language.Uses > 0 ?>
<p><?cs var:Language.Name ?> (<?cs var:Language.Code ?>) is used by <?cs var:Language.Uses ?> users, courses or certifications, so it cannot be removed. Change them to another language first.</p>
<?cs else ?>
<section class="dialog-panel dialog-panel-danger" aria-labelledby="confirm-title">
  <h2 id="confirm-title">Remove <?cs var:Language.Name ?> (<?cs var:Language.Code ?>)?</h2>
  <p>Nothing uses this language. After removing it, it can no longer be chosen for users, courses or certifications.</p>
  <form method="post" action="/admin/languages/remove" class="dialog-actions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="code" value="<?cs var:Language.Code ?>">
    <button type="submit" class="button button-danger">Remove language</button>
    <a class="button" href="/admin/languages">Cancel</a>
  </form>
</section>
<?cs /if ?>
<?cs /def ?>
