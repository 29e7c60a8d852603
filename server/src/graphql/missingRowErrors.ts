/**
 * PostGraphile v5's generated update mutations answer a row that matched
 * nothing (it does not exist, or RLS hides it or refuses the change) with a
 * null payload and no error, so a client cannot tell "done" from "refused";
 * its delete mutations raise an uncoded error that would be masked as INTRN.
 * Both now fail with NTFND ("That does not exist or you cannot see it.", the
 * same for a missing and a forbidden row, so nothing about other workspaces
 * is revealed) and change nothing. Deletes are coded where errors are masked
 * (core/errors.ts toCodedError); updates here.
 *
 * How: the field's plan is wrapped so a side-effect step checks the update/
 * delete step's result; the payload is rebuilt after it, so Grafast orders the
 * payload behind the check and the field errors.
 */
import { object, sideEffect, type ExecutableStep, type ObjectStep } from "postgraphile/grafast";
import { AppError } from "../../../core/errors";

export const MissingRowErrorsPlugin: GraphileConfig.Plugin = {
  name: "LogicSpikeMissingRowErrorsPlugin",
  description: "update mutations that match no row fail with NTFND instead of returning null",
  version: "1.0.0",
  schema: {
    hooks: {
      GraphQLObjectType_fields_field(field, _build, context) {
        const scope = context.scope as { isPgUpdateMutation?: boolean };
        if (!context.scope.isRootMutation || !scope.isPgUpdateMutation) return field;
        const plan = field.plan as ((...args: unknown[]) => ObjectStep<{ result: ExecutableStep }>) | undefined;
        if (!plan) return field;
        return {
          ...field,
          plan(this: unknown, ...args: unknown[]) {
            const $payload = plan.apply(this, args);
            const $result = $payload.get("result");
            sideEffect($result, (row) => {
              if (row == null) throw new AppError("NTFND");
            });
            return object({ result: $result });
          },
        } as typeof field;
      },
    },
  },
};
