/**
 * Tenant tables have `primary key (tenant_id, id)` so Citus can distribute
 * them by workspace (docs/scaling.md). The GraphQL API keeps identifying a
 * row by its id alone, as it did before that key moved: a table tagged
 * `@primaryKey id` (db/migrations: 4-tenant-primary-keys) gets that fake key
 * from PostGraphile's PgFakeConstraintsPlugin, and this plugin presents the
 * real key as the unique (tenant_id, id) it replaced. Node ids, `post(rowId)`,
 * `updatePost(input: { rowId })` and `postByTenantIdAndRowId` are therefore
 * unchanged. Ids are gen_random_uuid(), and every lookup still runs under the
 * row's RLS policy.
 */
export const TenantPrimaryKeysPlugin: GraphileConfig.Plugin = {
  name: "LogicSpikeTenantPrimaryKeysPlugin",
  description: "A table tagged @primaryKey keeps its real primary key only as a unique constraint",
  version: "1.0.0",
  after: ["PgFakeConstraintsPlugin"],
  gather: {
    hooks: {
      async pgIntrospection_introspection(_info, event) {
        for (const pgClass of event.introspection.classes) {
          if (!pgClass.getTagsAndDescription().tags.primaryKey) continue;
          for (const constraint of pgClass.getConstraints()) {
            if (constraint.contype === "p" && !constraint._id.startsWith("FAKE_")) constraint.contype = "u";
          }
        }
      },
    },
  },
};
