<?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/certifications">Certifications</a> › <a href="/admin/certifications/<?cs var:Cert.Id ?>"><?cs var:Cert.Name ?></a></p>
<section class="dialog-panel" aria-labelledby="version-title">
  <h1 id="version-title">Create version <?cs var:Cert.NextVersion ?>?</h1>
  <p>Version <?cs var:Cert.NextVersion ?> of <strong><?cs var:Cert.Name ?></strong> starts as a copy of version <?cs var:Cert.Version ?>: its settings, user types, courses, prerequisites and prices.</p>
  <p>Version <?cs var:Cert.Version ?> then becomes read-only. User groups stay subscribed to the certification and lead to the new version; the certificate numbering continues where it is.</p>
  <form class="dialog-actions" method="post" action="/admin/certifications/<?cs var:Cert.Id ?>/versions">
    <?cs call:csrf_field() ?>
    <input type="hidden" name="confirm" value="1">
    <a class="button" href="/admin/certifications/<?cs var:Cert.Id ?>">Cancel</a>
    <button type="submit" class="button button-primary">Create version <?cs var:Cert.NextVersion ?></button>
  </form>
</section>
<?cs /def ?>
