<?cs def:head_extra() ?><?cs /def ?><?cs def:search_section(title, list, base) ?>
<section aria-labelledby="found-<?cs var:base ?>">
  <h2 id="found-<?cs var:base ?>"><?cs var:title ?></h2>
<?cs if:subcount(list) > 0 ?>
  <ul class="result-list">
<?cs each:h = list ?>
    <li><a href="/admin/<?cs var:base ?>/<?cs var:h.Id ?>"><?cs var:h.Title ?></a><?cs if:h.Detail ?> <span class="muted"><?cs var:h.Detail ?></span><?cs /if ?></li>
<?cs /each ?>
  </ul>
<?cs else ?>
  <p class="muted">None found.</p>
<?cs /if ?>
</section>
<?cs /def ?><?cs def:content() ?>
<h1>Find</h1>
<?cs if:Search.q == "" ?>
<p>Type the start of a name, code, login or e-mail address in the Find box.</p>
<?cs else ?>
<p><?cs var:Search.Total ?> results for “<?cs var:Search.q ?>” (up to 10 of each kind; names that start with the text).</p>
<?cs call:search_section("Certifications", Certifications, "certifications") ?>
<?cs call:search_section("Courses", Courses, "courses") ?>
<?cs call:search_section("Users", Users, "users") ?>
<?cs call:search_section("User groups", Groups, "groups") ?>
<?cs /if ?>
<?cs /def ?>
