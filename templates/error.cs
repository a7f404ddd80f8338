<?cs # Runs before layout.cs renders, so the title falls back to the error.
?><?cs if:!Page.Title ?><?cs set:Page.Title = Error.Title ?><?cs /if ?><?cs
  def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<div class="error-page">
  <p class="error-code">Error <?cs var:Error.Status ?></p>
  <h1><?cs var:Error.Title ?></h1>
  <p><?cs var:Error.Message ?></p>
  <p><a href="/">Go to the home page</a></p>
<?cs if:Error.RequestId ?>
  <p class="request-id">Request ID: <code><?cs var:Error.RequestId ?></code></p>
<?cs /if ?>
</div>
<?cs /def ?>
