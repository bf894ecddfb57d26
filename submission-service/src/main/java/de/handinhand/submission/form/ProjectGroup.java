package de.handinhand.submission.form;

import java.util.List;

/**
 * The repeated group of single projects (Einzelprojekte). Questions carry the first project's
 * codes (D10…D15); the n-th project's codes in a paper form are D{n}0…D{n}5, the API uses the
 * first project's codes for every project.
 */
public record ProjectGroup(int maxProjects, List<Question> questions) {
}
