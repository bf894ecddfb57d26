package de.handinhand.web.api;

/**
 * The API refused what a page sent (400, 409, 413, 415, 422): the page shows the problem next to
 * the fields it names and keeps what the person typed.
 */
public class ApiException extends RuntimeException {

    private final ApiProblem problem;

    public ApiException(ApiProblem problem) {
        super(problem.summary(), null, false, false);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }
}
