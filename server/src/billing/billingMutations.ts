/**
 * The dashboard's provider-side billing mutations: startCheckout, buyCoins,
 * changePlan, cancelSubscription. They call the payment provider over HTTP,
 * so they cannot be SQL functions; they run the same code as the REST routes
 * (billing/actions.ts).
 *
 * Security and ordering: each mutation first calls
 * app_hidden.assert_billing_manager() on the request's own client, under its
 * pgSettings (role and verified claims), so the permission check is the SQL
 * one every billing function makes (LOGIN / DNIED). Only when that succeeded
 * does the second step run (a failed step's error propagates; the dependent
 * side effect is never called), and it talks to the provider without holding
 * the request's connection. Errors are AppErrors or coded SQLSTATEs, which
 * maskError passes through as `extensions.code` (BILNC when unconfigured).
 */
import { sideEffectWithPgClient } from "postgraphile/@dataplan/pg";
import { sideEffect, type FieldArgs, type Step } from "postgraphile/grafast";
import { extendSchema, gql } from "postgraphile/utils";
import { makeProvider } from "../../../core/billing";
import * as billing from "./actions";
import type { ServerContext } from "../context";

type Input = Record<string, unknown> & { clientMutationId?: string | null };

export function billingMutationsPlugin(ctx: ServerContext): GraphileConfig.Plugin {
  const services: billing.BillingServices = { pool: ctx.rootPgPool, provider: makeProvider(ctx.config), keyId: ctx.config.billing.razorpayKeyId };
  return extendSchema((build) => {
    const executor = build.input.pgRegistry.pgExecutors.main;
    /** Permission check as the request role, then the action; the payload echoes clientMutationId. */
    const plan = (action: (actor: billing.BillingActor, input: Input) => Promise<object>) => (_$root: Step, fieldArgs: FieldArgs) => {
      const $input = fieldArgs.getRaw("input") as Step<Input | undefined>;
      const $actor = sideEffectWithPgClient(executor, $input, async (client) => {
        const { rows } = await client.query<{ tenant_id: string; user_id: string }>({ text: "select tenant_id, user_id from app_hidden.assert_billing_manager()" });
        return { tenantId: rows[0].tenant_id, userId: rows[0].user_id };
      });
      return sideEffect([$actor, $input], async ([actor, input]) => {
        const i = input ?? {};
        return { ...(await action(actor, i)), clientMutationId: i.clientMutationId ?? null };
      });
    };
    return {
      typeDefs: gql`
        input StartCheckoutInput {
          clientMutationId: String
          "The plan's key (see \`plans\`)."
          plan: String!
          "monthly or yearly."
          interval: String! = "monthly"
        }
        type StartCheckoutPayload {
          clientMutationId: String
          "The local subscription row (\`planSubscriptions\`); it becomes active when the provider confirms the first payment."
          planSubscriptionId: UUID!
          "The provider's subscription id, for the checkout widget."
          subscriptionId: String!
          "The provider's hosted payment page, if it has one."
          shortUrl: String
          "The provider's public key id, for the checkout widget."
          keyId: String
        }
        input BuyCoinsInput {
          clientMutationId: String
          "The coin pack's key (see \`coinPacks\`)."
          coinPack: String!
        }
        type BuyCoinsPayload {
          clientMutationId: String
          "The local order (\`coinOrders\`); \`paid\` once the payment was captured and the coins credited."
          coinOrderId: UUID!
          "The provider's order id, for the checkout widget."
          orderId: String!
          "The price in the currency's smallest unit (paise)."
          amount: BigInt!
          currency: String!
          keyId: String
        }
        input ChangePlanInput {
          clientMutationId: String
          plan: String!
          "monthly or yearly; the current subscription's interval when omitted."
          interval: String
        }
        type ChangePlanPayload {
          clientMutationId: String
          planSubscriptionId: UUID!
          plan: String!
          interval: String!
        }
        input CancelSubscriptionInput {
          clientMutationId: String
        }
        type CancelSubscriptionPayload {
          clientMutationId: String
          planSubscriptionId: UUID!
          "Always true: the plan stays until the end of the paid period."
          cancelAtPeriodEnd: Boolean!
        }
        extend type Mutation {
          "Starts a plan subscription at the payment provider; finish it in the provider's checkout widget. Needs \`billing:manage\`."
          startCheckout(input: StartCheckoutInput!): StartCheckoutPayload
          "Creates a provider order for a coin pack; the coins are credited once the payment is captured. Needs \`billing:manage\`."
          buyCoins(input: BuyCoinsInput!): BuyCoinsPayload
          "Moves the live subscription to another plan (and interval) now. Needs \`billing:manage\`."
          changePlan(input: ChangePlanInput!): ChangePlanPayload
          "Cancels the live subscription at the end of the paid period. Needs \`billing:manage\`."
          cancelSubscription(input: CancelSubscriptionInput): CancelSubscriptionPayload
        }
      `,
      objects: {
        Mutation: {
          plans: {
            startCheckout: plan((actor, i) => billing.startCheckout(services, actor, String(i.plan), String(i.interval ?? "monthly"))),
            buyCoins: plan(async (actor, i) => {
              const r = await billing.buyCoins(services, actor, String(i.coinPack));
              return { ...r, amount: String(r.amount) };
            }),
            changePlan: plan((actor, i) => billing.changePlan(services, actor, String(i.plan), (i.interval as string | null | undefined) ?? null)),
            cancelSubscription: plan((actor) => billing.cancelSubscription(services, actor)),
          },
        },
      },
    };
  }, "LogicSpikeBillingMutationsPlugin");
}
