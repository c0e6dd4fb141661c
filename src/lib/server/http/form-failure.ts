import { error, type ActionFailure } from '@sveltejs/kit';
import { setError, type SuperValidated } from 'sveltekit-superforms';
import { describeFailure, ON_PAGE, type Failure, type FailureTable } from './failures';

/**
 * A form action's answer to a service's failure, from the domain's table: an error beside the
 * field it names (or the whole form), with the table's status and `Retry-After` when an
 * allowance is spent; an entry marked ON_PAGE is an error page instead.
 */
export function formFailure<T extends Record<string, unknown>, R extends string>(
	form: SuperValidated<T>,
	failure: Failure<R>,
	table: FailureTable<R>,
	setHeaders: (headers: Record<string, string>) => void
): ActionFailure<{ form: SuperValidated<T> }> {
	const answer = describeFailure(failure, table);
	if (Object.keys(answer.headers).length) setHeaders(answer.headers);
	if (answer.field === ON_PAGE) error(answer.status, answer.message);
	// superforms types the field path from the form's shape; the table names it by its key.
	return setError(form, (answer.field ?? '') as '', answer.message, { status: answer.status as 400 });
}
