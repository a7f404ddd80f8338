<?cs # The document around every page. Parsed after macros.cs and the page
  template, so it can call the macros they define.

  Every page template must define both of these macros, even if empty,
  because in ClearSilver 0.10.5 calling an undefined macro is a parse error
  and defining one twice is also a parse error (so no default can live in
  macros.cs):
    content()     the body of <main>, starting with the page's <h1>
    head_extra()  extra elements for <head>, such as a page-specific
                  <script src="/static/…" defer>. Usually empty.

  Pages with a side panel put it inside content():
    <div class="with-side"><aside class="side">…</aside><div>…</div></div>
?><!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs if:Page.Title ?><?cs var:Page.Title ?> — <?cs /if ?><?cs if:Site.Name ?><?cs var:Site.Name ?><?cs else ?>Laurel<?cs /if ?></title>
<link rel="stylesheet" href="/static/laurel.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
<?cs call:head_extra() ?>
</head>
<body class="area-<?cs if:Page.Area == "admin" ?>admin<?cs elif:Page.Area == "learn" ?>learn<?cs else ?>public<?cs /if ?>">
<a class="skip-link" href="#main">Skip to content</a>
<?cs if:Session.Impersonator ?>
<div class="impersonation-banner" role="region" aria-label="Viewing as another user">
  <div class="container impersonation-inner">
    <p>Viewing as <strong><?cs var:Session.Name ?></strong>; signed in as <strong><?cs var:Session.Impersonator ?></strong></p>
    <form class="inline-form" method="post" action="/admin/return">
      <?cs call:csrf_field() ?>
      <button type="submit" class="button button-small">Return to admin</button>
    </form>
  </div>
</div>
<?cs /if ?>
<header class="site-header">
  <div class="container site-header-inner">
    <a class="site-name" href="/"><?cs if:Site.Name ?><?cs var:Site.Name ?><?cs else ?>Laurel<?cs /if ?></a>
<?cs # Navigation of the current area. To add a link, add one nav_item line
  to the area's list: use "exact" for the area home and "prefix" for a
  section whose sub-pages should keep the link marked.
?><?cs if:Page.Area == "admin" ?>
    <nav class="site-nav" aria-label="Administration">
      <ul class="nav-list">
        <?cs call:nav_item("/admin/", "Home", "exact") ?>
        <?cs call:nav_item("/admin/users", "Users", "prefix") ?>
        <?cs call:nav_item("/admin/groups", "User groups", "prefix") ?>
        <?cs call:nav_item("/admin/certifications", "Certifications", "prefix") ?>
        <?cs call:nav_item("/admin/courses", "Courses", "prefix") ?>
        <?cs call:nav_item("/admin/catalogs", "Catalogs", "prefix") ?>
        <?cs call:nav_item("/admin/templates", "Certificate templates", "prefix") ?>
        <?cs call:nav_item("/admin/vouchers", "Vouchers", "prefix") ?>
        <?cs call:nav_item("/admin/purchase-orders", "Purchase orders", "prefix") ?>
        <?cs call:nav_item("/admin/user-types", "User types", "prefix") ?>
        <?cs call:nav_item("/admin/languages", "Languages", "prefix") ?>
        <?cs call:nav_item("/admin/reports", "Reporting", "prefix") ?>
        <?cs call:nav_item("/admin/audit", "Audit log", "prefix") ?>
        <?cs call:nav_item("/admin/outbox", "Outbox", "prefix") ?>
        <?cs call:nav_item("/admin/imports", "Imports", "prefix") ?>
      </ul>
    </nav>
<?cs elif:Page.Area == "learn" ?>
    <nav class="site-nav" aria-label="My training">
      <ul class="nav-list">
        <?cs call:nav_item("/learn/", "Training", "exact") ?>
        <?cs call:nav_item("/learn/transcript", "Transcript", "prefix") ?>
      </ul>
    </nav>
<?cs elif:Session.SignedIn ?>
    <nav class="site-nav" aria-label="Main">
      <ul class="nav-list">
<?cs if:Session.Role == "admin" ?>
        <?cs call:nav_item("/admin/", "Administration", "exact") ?>
<?cs else ?>
        <?cs call:nav_item("/learn/", "My training", "exact") ?>
<?cs /if ?>
      </ul>
    </nav>
<?cs /if ?>
<?cs if:Session.SignedIn ?>
    <div class="user-menu">
      <span class="user-name"><?cs if:Session.Name ?><?cs var:Session.Name ?><?cs else ?><?cs var:Session.Login ?><?cs /if ?></span>
      <form class="inline-form" method="post" action="/signout">
        <?cs call:csrf_field() ?>
        <button type="submit" class="button button-small">Sign out</button>
      </form>
    </div>
<?cs elif:Page.Path != "/signin" ?>
    <div class="user-menu">
      <a class="button button-small" href="/signin">Sign in</a>
    </div>
<?cs /if ?>
  </div>
</header>
<main id="main" class="container site-main">
<?cs if:subcount(Flash) > 0 ?>
  <div class="flashes">
<?cs each:flash = Flash ?>
<?cs if:flash.Kind == "error" ?>
    <div class="flash flash-error" role="alert"><?cs var:flash.Text ?></div>
<?cs elif:flash.Kind == "success" ?>
    <div class="flash flash-success" role="status"><?cs var:flash.Text ?></div>
<?cs else ?>
    <div class="flash flash-info" role="status"><?cs var:flash.Text ?></div>
<?cs /if ?>
<?cs /each ?>
  </div>
<?cs /if ?>
<?cs if:Page.Area == "admin" ?>
<div class="with-side">
<aside class="side" aria-label="Find">
  <h2>Find</h2>
  <form method="get" action="/admin/search" role="search">
    <div class="field">
      <label for="side-q">Certification, course, user or group</label>
      <input id="side-q" name="q" type="search" value="<?cs var:Search.q ?>">
    </div>
    <div class="form-actions"><button type="submit" class="button">Find</button></div>
  </form>
</aside>
<div class="side-main">
<?cs call:content() ?>
</div>
</div>
<?cs else ?>
<?cs call:content() ?>
<?cs /if ?>
</main>
</body>
</html>
