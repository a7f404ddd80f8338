<?cs # Learners registered in the class's course who can be added to the
  class. The form's action repeats the list controls, so a form shown
  again after invalid input keeps the same page of the list.
?><?cs def:head_extra() ?><?cs /def ?><?cs def:content() ?>
<p class="breadcrumb"><a href="/admin/courses/<?cs var:Class.CourseId ?>#classes"><?cs var:Class.CourseCode ?> <?cs var:Class.CourseName ?></a> › <a href="/admin/classes/<?cs var:Class.Id ?>/attendance">Attendance of the class of <?cs var:Class.StartDate ?></a></p>
<h1>Add learners to the class</h1>
<p>Class of <?cs var:Class.StartDate ?> <?cs var:Class.StartTime ?> (<?cs var:Site.TimeZone ?>)<?cs if:Class.Location ?>, <?cs var:Class.Location ?><?cs /if ?>: <?cs var:Class.Learners ?> learners<?cs if:Class.Capacity > 0 ?> of <?cs var:Class.Capacity ?> seats<?cs /if ?>.</p>
<p class="form-note">Active learners registered in <?cs var:Class.CourseCode ?> who are not in this class. A learner in another class of the course moves to this one.</p>
<?cs if:Class.Capacity > 0 && Class.Learners >= Class.Capacity ?>
<div class="flash flash-info" role="status"><p>The class is full. Raise its capacity on the <a href="/admin/classes/<?cs var:Class.Id ?>">class's edit page</a>, or record a learner as cancelled, before adding learners.</p></div>
<?cs /if ?>
<?cs call:list_search("/admin/classes/" + Class.Id + "/learners", "Last name, first name or login starts with") ?>
<?cs call:letter_index("/admin/classes/" + Class.Id + "/learners", "Last name starts with") ?>
<?cs call:form_errors() ?>
<?cs if:subcount(Candidates) > 0 ?>
<form method="post" action="/admin/classes/<?cs var:Class.Id ?>/learners?page=<?cs var:List.page ?>&amp;sort=<?cs var:List.sort ?>&amp;dir=<?cs var:List.dir ?><?cs var:List.Params ?>">
  <?cs call:csrf_field() ?>
  <fieldset<?cs if:Form.Errors.learner ?> class="field-invalid" aria-describedby="learner-error"<?cs /if ?>>
  <legend class="visually-hidden">Learners to add</legend>
  <div class="table-wrap" role="region" aria-labelledby="candidates-caption" tabindex="0">
  <table class="data-table">
    <caption id="candidates-caption">Learners who can be added</caption>
    <thead><tr>
      <th scope="col">Add</th>
      <?cs call:sort_header("/admin/classes/" + Class.Id + "/learners", "name", "Name") ?>
      <?cs call:sort_header("/admin/classes/" + Class.Id + "/learners", "login", "Login") ?>
      <th scope="col">Course registration</th><th scope="col">Current class</th>
    </tr></thead>
    <tbody>
<?cs each:c = Candidates ?>
      <tr>
        <td><input type="checkbox" name="learner" value="<?cs var:c.UserId ?>" id="learner-<?cs var:c.UserId ?>"<?cs if:c.Selected == "1" ?> checked<?cs /if ?>></td>
        <td><label for="learner-<?cs var:c.UserId ?>"><?cs var:c.Name ?></label></td>
        <td><?cs var:c.Login ?></td>
        <td><?cs if:c.Registration == "completed" ?>Completed<?cs elif:c.Registration == "in_progress" ?>In progress<?cs elif:c.Registration == "failed" ?>Failed<?cs else ?>Registered<?cs /if ?></td>
        <td><?cs if:c.OtherClass ?>Class of <?cs var:c.OtherClass ?><?cs else ?><span class="muted">None</span><?cs /if ?></td>
      </tr>
<?cs /each ?>
    </tbody>
  </table>
  </div>
  <?cs call:field_error("learner", Form.Errors.learner) ?>
  </fieldset>
  <div class="form-actions">
    <button type="submit" class="button button-primary">Add to class</button>
    <a class="button" href="/admin/classes/<?cs var:Class.Id ?>/attendance">Cancel</a>
  </div>
</form>
<?cs else ?>
<p class="muted">No learner matches. Learners must be registered in the course, through a certification or course group, before they can join a class.</p>
<?cs /if ?>
<?cs call:pager("/admin/classes/" + Class.Id + "/learners") ?>
<?cs /def ?>
