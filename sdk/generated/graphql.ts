/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Binary data encoded using Base64 */
  Base64EncodedBinary: { input: any; output: any; }
  /** A floating point number that requires more precision than IEEE 754 binary 64 */
  BigFloat: { input: any; output: any; }
  /**
   * A signed eight-byte integer. The upper big integer values are greater than the
   * max value for a JavaScript number. Therefore all big integers will be output as
   * strings and not numbers.
   */
  BigInt: { input: string; output: string; }
  /** A location in a connection that can be used for resuming pagination. */
  Cursor: { input: string; output: string; }
  /**
   * A point in time as described by the [ISO
   * 8601](https://en.wikipedia.org/wiki/ISO_8601) and, if it has a timezone, [RFC
   * 3339](https://datatracker.ietf.org/doc/html/rfc3339) standards. Input values
   * that do not conform to both ISO 8601 and RFC 3339 may be coerced, which may lead
   * to unexpected results.
   */
  Datetime: { input: string; output: string; }
  /** An IPv4 or IPv6 host address, and optionally its subnet. */
  InternetAddress: { input: any; output: any; }
  /** Represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A universally unique identifier as defined by [RFC 4122](https://tools.ietf.org/html/rfc4122). */
  UUID: { input: string; output: string; }
};

/** All input for the `acceptInvitation` mutation. */
export type AcceptInvitationInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  token?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `acceptInvitation` mutation. */
export type AcceptInvitationPayload = {
  __typename?: 'AcceptInvitationPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `acceptInvitation` mutation. */
export type AcceptInvitationPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `addCustomDomain` mutation. */
export type AddCustomDomainInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  hostname?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `addCustomDomain` mutation. */
export type AddCustomDomainPayload = {
  __typename?: 'AddCustomDomainPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `CustomDomain`. May be used by Relay 1. */
  customDomainEdge?: Maybe<CustomDomainEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CustomDomain>;
};


/** The output of our `addCustomDomain` mutation. */
export type AddCustomDomainPayloadCustomDomainEdgeArgs = {
  orderBy?: Array<CustomDomainOrderBy>;
};

/** Add-ons bought with coins: limit increments on top of the plan. */
export type Addon = Node & {
  __typename?: 'Addon';
  coinCost: Scalars['BigInt']['output'];
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Added to the plan's limits, same shape as plans.services, e.g. `{"seats": 5}` or `{"blog": {"posts": 500}}`. */
  increments: Scalars['JSON']['output'];
  isActive: Scalars['Boolean']['output'];
  /** True: charged per billing period until cancelled; false: bought once, kept. */
  isRecurring: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Plans the add-on may be bought on; null = every plan. */
  plans?: Maybe<Array<Maybe<Scalars['String']['output']>>>;
  /** Reads and enables pagination through a set of `TenantAddon`. */
  tenantAddonsByAddon: TenantAddonConnection;
};


/** Add-ons bought with coins: limit increments on top of the plan. */
export type AddonTenantAddonsByAddonArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantAddonCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantAddonOrderBy>>;
};

/** A condition to be used against `Addon` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type AddonCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Addon` values. */
export type AddonConnection = {
  __typename?: 'AddonConnection';
  /** A list of edges which contains the `Addon` and cursor to aid in pagination. */
  edges: Array<Maybe<AddonEdge>>;
  /** A list of `Addon` objects. */
  nodes: Array<Maybe<Addon>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Addon` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Addon` edge in the connection. */
export type AddonEdge = {
  __typename?: 'AddonEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Addon` at the end of the edge. */
  node?: Maybe<Addon>;
};

/** Methods to use when ordering `Addon`. */
export type AddonOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

/** An API key of the workspace. The secret itself is shown once, at creation or roll; only a hash is kept. */
export type ApiKey = Node & {
  __typename?: 'ApiKey';
  /** Publishable keys only: hosts the key may be used from (`Origin`/`Referer`), e.g. `example.com` or `*.example.com`. */
  allowedDomains: Array<Maybe<Scalars['String']['output']>>;
  createdAt: Scalars['Datetime']['output'];
  createdBy?: Maybe<Scalars['UUID']['output']>;
  /** When the key stops working; null = never. */
  expiresAt?: Maybe<Scalars['Datetime']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Last successful use, to within about a minute. */
  lastUsedAt?: Maybe<Scalars['Datetime']['output']>;
  /** Reads a single `Membership` that is related to this `ApiKey`. */
  membershipByTenantIdAndCreatedBy?: Maybe<Membership>;
  name: Scalars['String']['output'];
  /** The permission strings the scopes expand to (computed). */
  permissions: Array<Maybe<Scalars['String']['output']>>;
  /** The first characters of the secret, to recognise the key; not enough to use it. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; revoked keys never work again. */
  revokedAt?: Maybe<Scalars['Datetime']['output']>;
  rowId: Scalars['UUID']['output'];
  /** Per-service scopes, e.g. `{"blog": ["read", "write"]}` (see apiKeyScopes). */
  scopes: Scalars['JSON']['output'];
  /** Reads a single `Tenant` that is related to this `ApiKey`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** `secret` (`ls_…`, servers only) or `publishable` (`pk_…`, browsers: public read scopes, allowed domains only). */
  type: Scalars['String']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `ApiKey` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type ApiKeyCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `createdBy` field. */
  createdBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `ApiKey` values. */
export type ApiKeyConnection = {
  __typename?: 'ApiKeyConnection';
  /** A list of edges which contains the `ApiKey` and cursor to aid in pagination. */
  edges: Array<Maybe<ApiKeyEdge>>;
  /** A list of `ApiKey` objects. */
  nodes: Array<Maybe<ApiKey>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `ApiKey` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `ApiKey` edge in the connection. */
export type ApiKeyEdge = {
  __typename?: 'ApiKeyEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `ApiKey` at the end of the edge. */
  node?: Maybe<ApiKey>;
};

/** Methods to use when ordering `ApiKey`. */
export type ApiKeyOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'CREATED_BY_ASC'
  | 'CREATED_BY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `ApiKey`. Fields that are set will be updated. */
export type ApiKeyPatch = {
  /** Publishable keys only: hosts the key may be used from (`Origin`/`Referer`), e.g. `example.com` or `*.example.com`. */
  allowedDomains?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Per-service scopes, e.g. `{"blog": ["read", "write"]}` (see apiKeyScopes). */
  scopes?: InputMaybe<Scalars['JSON']['input']>;
};

/** What each API-key scope grants: `{"blog": ["read"]}` means every permission listed for (blog, read). */
export type ApiKeyScope = Node & {
  __typename?: 'ApiKeyScope';
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** True for read scopes on public resources: the only scopes a publishable key may hold. */
  isPublic: Scalars['Boolean']['output'];
  permission: Scalars['String']['output'];
  /** Reads a single `Permission` that is related to this `ApiKeyScope`. */
  permissionByPermission?: Maybe<Permission>;
  scope: Scalars['String']['output'];
  service: Scalars['String']['output'];
  /** Reads a single `Service` that is related to this `ApiKeyScope`. */
  serviceByService?: Maybe<Service>;
};

/**
 * A condition to be used against `ApiKeyScope` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type ApiKeyScopeCondition = {
  /** Checks for equality with the object’s `permission` field. */
  permission?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `scope` field. */
  scope?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `service` field. */
  service?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `ApiKeyScope` values. */
export type ApiKeyScopeConnection = {
  __typename?: 'ApiKeyScopeConnection';
  /** A list of edges which contains the `ApiKeyScope` and cursor to aid in pagination. */
  edges: Array<Maybe<ApiKeyScopeEdge>>;
  /** A list of `ApiKeyScope` objects. */
  nodes: Array<Maybe<ApiKeyScope>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `ApiKeyScope` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `ApiKeyScope` edge in the connection. */
export type ApiKeyScopeEdge = {
  __typename?: 'ApiKeyScopeEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `ApiKeyScope` at the end of the edge. */
  node?: Maybe<ApiKeyScope>;
};

/** Methods to use when ordering `ApiKeyScope`. */
export type ApiKeyScopeOrderBy =
  | 'NATURAL'
  | 'PERMISSION_ASC'
  | 'PERMISSION_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'SCOPE_ASC'
  | 'SCOPE_DESC'
  | 'SERVICE_ASC'
  | 'SERVICE_DESC';

/** The workspace's audit trail: every change to its data and every security event, append-only and hash-chained. Needs `audit:read`. */
export type AuditLog = Node & {
  __typename?: 'AuditLog';
  /** `insert`, `update` or `delete` of a row, or `event` for a security event without a row. */
  action: Scalars['String']['output'];
  /** The API key that made the change, if any. */
  actorApiKeyId?: Maybe<Scalars['UUID']['output']>;
  /** The signed-in user who made the change, if any. */
  actorUserId?: Maybe<Scalars['UUID']['output']>;
  /** Inserts and deletes: the row's columns. Updates: `{"column": {"old": ..., "new": ...}}` for changed columns only. Secrets read "[redacted]". */
  diff: Scalars['JSON']['output'];
  /** sha256(previous digest || canonical entry text): this entry's link in the workspace's tamper-evident chain. */
  digest: Scalars['Base64EncodedBinary']['output'];
  /** Security event name, e.g. `auth.login`, `auth.login_failed`, `auth.mfa_enabled`, `auth.session_revoked`, `apikey.created`, `apikey.revoked`, `role.changed`, `billing.changed`. */
  event?: Maybe<Scalars['String']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** The client IP address the server saw. */
  ip?: Maybe<Scalars['InternetAddress']['output']>;
  /** When the change happened (the start of its transaction). */
  occurredAt: Scalars['Datetime']['output'];
  /** The previous entry's SHA-256 chain value (or the chain's anchor). */
  previousDigest: Scalars['Base64EncodedBinary']['output'];
  /** The changed row's primary key (comma-separated when it has several columns). */
  recordId?: Maybe<Scalars['String']['output']>;
  /** The `x-request-id` of the HTTP request, to find it in the server logs. */
  requestId?: Maybe<Scalars['String']['output']>;
  rowId: Scalars['BigInt']['output'];
  /** Position in the workspace's hash chain (1, 2, 3, ... without gaps, until retention removes the oldest). */
  seq: Scalars['BigInt']['output'];
  /** The table changed (in app_public), or null for events. */
  tableName?: Maybe<Scalars['String']['output']>;
  tenantId: Scalars['UUID']['output'];
};

/**
 * A condition to be used against `AuditLog` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type AuditLogCondition = {
  /** Checks for equality with the object’s `actorUserId` field. */
  actorUserId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `occurredAt` field. */
  occurredAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['BigInt']['input']>;
  /** Checks for equality with the object’s `seq` field. */
  seq?: InputMaybe<Scalars['BigInt']['input']>;
  /** Checks for equality with the object’s `tableName` field. */
  tableName?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `AuditLog` values. */
export type AuditLogConnection = {
  __typename?: 'AuditLogConnection';
  /** A list of edges which contains the `AuditLog` and cursor to aid in pagination. */
  edges: Array<Maybe<AuditLogEdge>>;
  /** A list of `AuditLog` objects. */
  nodes: Array<Maybe<AuditLog>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `AuditLog` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `AuditLog` edge in the connection. */
export type AuditLogEdge = {
  __typename?: 'AuditLogEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `AuditLog` at the end of the edge. */
  node?: Maybe<AuditLog>;
};

/** Methods to use when ordering `AuditLog`. */
export type AuditLogOrderBy =
  | 'ACTOR_USER_ID_ASC'
  | 'ACTOR_USER_ID_DESC'
  | 'NATURAL'
  | 'OCCURRED_AT_ASC'
  | 'OCCURRED_AT_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'SEQ_ASC'
  | 'SEQ_DESC'
  | 'TABLE_NAME_ASC'
  | 'TABLE_NAME_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** The workspace's effective plan and workspace-wide limits (rebuilt from plan + add-ons). */
export type BillingAccount = Node & {
  __typename?: 'BillingAccount';
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  limits: Scalars['JSON']['output'];
  plan: Scalars['String']['output'];
  /** Reads a single `Plan` that is related to this `BillingAccount`. */
  planByPlan?: Maybe<Plan>;
  /** Reads a single `Tenant` that is related to this `BillingAccount`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/**
 * A condition to be used against `BillingAccount` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type BillingAccountCondition = {
  /** Checks for equality with the object’s `plan` field. */
  plan?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `BillingAccount` values. */
export type BillingAccountConnection = {
  __typename?: 'BillingAccountConnection';
  /** A list of edges which contains the `BillingAccount` and cursor to aid in pagination. */
  edges: Array<Maybe<BillingAccountEdge>>;
  /** A list of `BillingAccount` objects. */
  nodes: Array<Maybe<BillingAccount>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `BillingAccount` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `BillingAccount` edge in the connection. */
export type BillingAccountEdge = {
  __typename?: 'BillingAccountEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `BillingAccount` at the end of the edge. */
  node?: Maybe<BillingAccount>;
};

/** Methods to use when ordering `BillingAccount`. */
export type BillingAccountOrderBy =
  | 'NATURAL'
  | 'PLAN_ASC'
  | 'PLAN_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** A connection to a list of `BillingUsageRecord` values. */
export type BillingUsageConnection = {
  __typename?: 'BillingUsageConnection';
  /** A list of edges which contains the `BillingUsageRecord` and cursor to aid in pagination. */
  edges: Array<Maybe<BillingUsageEdge>>;
  /** A list of `BillingUsageRecord` objects. */
  nodes: Array<Maybe<BillingUsageRecord>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `BillingUsageRecord` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `BillingUsageRecord` edge in the connection. */
export type BillingUsageEdge = {
  __typename?: 'BillingUsageEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `BillingUsageRecord` at the end of the edge. */
  node?: Maybe<BillingUsageRecord>;
};

export type BillingUsageRecord = {
  __typename?: 'BillingUsageRecord';
  limit?: Maybe<Scalars['BigFloat']['output']>;
  resource?: Maybe<Scalars['String']['output']>;
  service?: Maybe<Scalars['String']['output']>;
  used?: Maybe<Scalars['BigInt']['output']>;
};

export type BuyCoinsInput = {
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The coin pack's key (see `coinPacks`). */
  coinPack: Scalars['String']['input'];
};

export type BuyCoinsPayload = {
  __typename?: 'BuyCoinsPayload';
  /** The price in the currency's smallest unit (paise). */
  amount: Scalars['BigInt']['output'];
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The local order (`coinOrders`); `paid` once the payment was captured and the coins credited. */
  coinOrderId: Scalars['UUID']['output'];
  currency: Scalars['String']['output'];
  keyId?: Maybe<Scalars['String']['output']>;
  /** The provider's order id, for the checkout widget. */
  orderId: Scalars['String']['output'];
};

/** All input for the `cancelAddon` mutation. */
export type CancelAddonInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  tenantAddonId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `cancelAddon` mutation. */
export type CancelAddonPayload = {
  __typename?: 'CancelAddonPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<TenantAddon>;
  /** An edge for our `TenantAddon`. May be used by Relay 1. */
  tenantAddonEdge?: Maybe<TenantAddonEdge>;
};


/** The output of our `cancelAddon` mutation. */
export type CancelAddonPayloadTenantAddonEdgeArgs = {
  orderBy?: Array<TenantAddonOrderBy>;
};

export type CancelSubscriptionInput = {
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

export type CancelSubscriptionPayload = {
  __typename?: 'CancelSubscriptionPayload';
  /** Always true: the plan stays until the end of the paid period. */
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  clientMutationId?: Maybe<Scalars['String']['output']>;
  planSubscriptionId: Scalars['UUID']['output'];
};

/** All input for the `changeMemberRole` mutation. */
export type ChangeMemberRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  customRoleId?: InputMaybe<Scalars['UUID']['input']>;
  membershipId?: InputMaybe<Scalars['UUID']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `changeMemberRole` mutation. */
export type ChangeMemberRolePayload = {
  __typename?: 'ChangeMemberRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `changeMemberRole` mutation. */
export type ChangeMemberRolePayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

export type ChangePlanInput = {
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** monthly or yearly; the current subscription's interval when omitted. */
  interval?: InputMaybe<Scalars['String']['input']>;
  plan: Scalars['String']['input'];
};

export type ChangePlanPayload = {
  __typename?: 'ChangePlanPayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  interval: Scalars['String']['output'];
  plan: Scalars['String']['output'];
  planSubscriptionId: Scalars['UUID']['output'];
};

/** Coin pack purchases; `paid` once the payment was captured and the coins credited. */
export type CoinOrder = Node & {
  __typename?: 'CoinOrder';
  amountPaise: Scalars['BigInt']['output'];
  coinPack: Scalars['String']['output'];
  /** Reads a single `CoinPack` that is related to this `CoinOrder`. */
  coinPackByCoinPack?: Maybe<CoinPack>;
  coins: Scalars['BigInt']['output'];
  createdAt: Scalars['Datetime']['output'];
  currency: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  provider: Scalars['String']['output'];
  rowId: Scalars['UUID']['output'];
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `CoinOrder`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** Reads a single `WalletEntry` that is related to this `CoinOrder`. */
  tenantWalletEntry?: Maybe<WalletEntry>;
  updatedAt: Scalars['Datetime']['output'];
  walletEntryId?: Maybe<Scalars['UUID']['output']>;
};

/**
 * A condition to be used against `CoinOrder` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type CoinOrderCondition = {
  /** Checks for equality with the object’s `coinPack` field. */
  coinPack?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `walletEntryId` field. */
  walletEntryId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `CoinOrder` values. */
export type CoinOrderConnection = {
  __typename?: 'CoinOrderConnection';
  /** A list of edges which contains the `CoinOrder` and cursor to aid in pagination. */
  edges: Array<Maybe<CoinOrderEdge>>;
  /** A list of `CoinOrder` objects. */
  nodes: Array<Maybe<CoinOrder>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `CoinOrder` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `CoinOrder` edge in the connection. */
export type CoinOrderEdge = {
  __typename?: 'CoinOrderEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `CoinOrder` at the end of the edge. */
  node?: Maybe<CoinOrder>;
};

/** Methods to use when ordering `CoinOrder`. */
export type CoinOrderOrderBy =
  | 'COIN_PACK_ASC'
  | 'COIN_PACK_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'WALLET_ENTRY_ID_ASC'
  | 'WALLET_ENTRY_ID_DESC';

/** Coins for sale: pay `pricePaise`, get `coins` in the workspace wallet. */
export type CoinPack = Node & {
  __typename?: 'CoinPack';
  /** Reads and enables pagination through a set of `CoinOrder`. */
  coinOrdersByCoinPack: CoinOrderConnection;
  coins: Scalars['BigInt']['output'];
  currency: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  isActive: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  pricePaise: Scalars['BigInt']['output'];
};


/** Coins for sale: pay `pricePaise`, get `coins` in the workspace wallet. */
export type CoinPackCoinOrdersByCoinPackArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CoinOrderCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CoinOrderOrderBy>>;
};

/**
 * A condition to be used against `CoinPack` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type CoinPackCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `CoinPack` values. */
export type CoinPackConnection = {
  __typename?: 'CoinPackConnection';
  /** A list of edges which contains the `CoinPack` and cursor to aid in pagination. */
  edges: Array<Maybe<CoinPackEdge>>;
  /** A list of `CoinPack` objects. */
  nodes: Array<Maybe<CoinPack>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `CoinPack` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `CoinPack` edge in the connection. */
export type CoinPackEdge = {
  __typename?: 'CoinPackEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `CoinPack` at the end of the edge. */
  node?: Maybe<CoinPack>;
};

/** Methods to use when ordering `CoinPack`. */
export type CoinPackOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

/** All input for the `createApiKey` mutation. */
export type CreateApiKeyInput = {
  allowedDomains?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  expiresIn?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  scopes?: InputMaybe<Scalars['JSON']['input']>;
  type?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `createApiKey` mutation. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedApiKey>;
};

/** All input for the create `File` mutation. */
export type CreateFileInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `File` to be created by this mutation. */
  file: FileInput;
};

/** The output of our create `File` mutation. */
export type CreateFilePayload = {
  __typename?: 'CreateFilePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `File` that was created by this mutation. */
  file?: Maybe<File>;
  /** An edge for our `File`. May be used by Relay 1. */
  fileEdge?: Maybe<FileEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our create `File` mutation. */
export type CreateFilePayloadFileEdgeArgs = {
  orderBy?: Array<FileOrderBy>;
};

/** All input for the create `NotificationPreference` mutation. */
export type CreateNotificationPreferenceInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `NotificationPreference` to be created by this mutation. */
  notificationPreference: NotificationPreferenceInput;
};

/** The output of our create `NotificationPreference` mutation. */
export type CreateNotificationPreferencePayload = {
  __typename?: 'CreateNotificationPreferencePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `NotificationPreference` that was created by this mutation. */
  notificationPreference?: Maybe<NotificationPreference>;
  /** An edge for our `NotificationPreference`. May be used by Relay 1. */
  notificationPreferenceEdge?: Maybe<NotificationPreferenceEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our create `NotificationPreference` mutation. */
export type CreateNotificationPreferencePayloadNotificationPreferenceEdgeArgs = {
  orderBy?: Array<NotificationPreferenceOrderBy>;
};

/** All input for the create `Post` mutation. */
export type CreatePostInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `Post` to be created by this mutation. */
  post: PostInput;
};

/** The output of our create `Post` mutation. */
export type CreatePostPayload = {
  __typename?: 'CreatePostPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Post` that was created by this mutation. */
  post?: Maybe<Post>;
  /** An edge for our `Post`. May be used by Relay 1. */
  postEdge?: Maybe<PostEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our create `Post` mutation. */
export type CreatePostPayloadPostEdgeArgs = {
  orderBy?: Array<PostOrderBy>;
};

/** All input for the create `Role` mutation. */
export type CreateRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `Role` to be created by this mutation. */
  role: RoleInput;
};

/** The output of our create `Role` mutation. */
export type CreateRolePayload = {
  __typename?: 'CreateRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was created by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our create `Role` mutation. */
export type CreateRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the create `StorageSetting` mutation. */
export type CreateStorageSettingInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The `StorageSetting` to be created by this mutation. */
  storageSetting: StorageSettingInput;
};

/** The output of our create `StorageSetting` mutation. */
export type CreateStorageSettingPayload = {
  __typename?: 'CreateStorageSettingPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `StorageSetting` that was created by this mutation. */
  storageSetting?: Maybe<StorageSetting>;
  /** An edge for our `StorageSetting`. May be used by Relay 1. */
  storageSettingEdge?: Maybe<StorageSettingEdge>;
};


/** The output of our create `StorageSetting` mutation. */
export type CreateStorageSettingPayloadStorageSettingEdgeArgs = {
  orderBy?: Array<StorageSettingOrderBy>;
};

/** All input for the `createWebhookEndpoint` mutation. */
export type CreateWebhookEndpointInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  eventTypes?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  url?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `createWebhookEndpoint` mutation. */
export type CreateWebhookEndpointPayload = {
  __typename?: 'CreateWebhookEndpointPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedWebhookEndpoint>;
};

/** All input for the `createWorkspace` mutation. */
export type CreateWorkspaceInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `createWorkspace` mutation. */
export type CreateWorkspacePayload = {
  __typename?: 'CreateWorkspacePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedWorkspace>;
};

/** A new or rolled API key with its secret. The secret is shown only here; store it now. */
export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey?: Maybe<ApiKey>;
  /** The full key (`ls_…` or `pk_…`). It cannot be shown again. */
  secret?: Maybe<Scalars['String']['output']>;
};

/** A new endpoint, or one whose secret was rotated, with its signing secret. The secret is shown only here; store it now. */
export type CreatedWebhookEndpoint = {
  __typename?: 'CreatedWebhookEndpoint';
  /** The signing secret (`whsec_…`) for the Standard Webhooks verifier. It cannot be shown again. */
  secret?: Maybe<Scalars['String']['output']>;
  webhookEndpoint?: Maybe<WebhookEndpoint>;
};

/** A workspace just created, with the caller as its owner. The access token still names the previous workspace: POST `switchTenantPath` with `{ "tenantId": tenant.id }` for one in the new workspace. */
export type CreatedWorkspace = {
  __typename?: 'CreatedWorkspace';
  /** Where to get an access token for the new workspace: `POST /auth/switch-tenant` with `{ "tenantId": … }`. */
  switchTenantPath?: Maybe<Scalars['String']['output']>;
  tenant?: Maybe<Tenant>;
};

/** A hostname the workspace serves from. Add it with addCustomDomain, create the TXT record it shows, and it becomes verified once the DNS check finds it. */
export type CustomDomain = Node & {
  __typename?: 'CustomDomain';
  /** DNS checks made since the last (re)check request. */
  checkAttempts: Scalars['Int']['output'];
  /** When the current verification window started (the add, or the last re-check). */
  checkStartedAt: Scalars['Datetime']['output'];
  createdAt: Scalars['Datetime']['output'];
  /** Lower-case hostname, e.g. `shop.example.com`. */
  hostname: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** When DNS was last checked. */
  lastCheckedAt?: Maybe<Scalars['Datetime']['output']>;
  /** Why the last check did not verify the domain (no TXT record, a different value, a DNS error). */
  lastError?: Maybe<Scalars['String']['output']>;
  rowId: Scalars['UUID']['output'];
  /** `pending` (waiting for the TXT record), `verified`, or `failed` (not found within the verification window, or verified by another workspace first); use recheckCustomDomain to try again. */
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `CustomDomain`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** The DNS name of the TXT record that proves control of the hostname. */
  txtRecordName?: Maybe<Scalars['String']['output']>;
  /** The value the TXT record must hold (visible with tenant:settings.update). */
  txtRecordValue?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['Datetime']['output'];
  /** When the TXT record was found. */
  verifiedAt?: Maybe<Scalars['Datetime']['output']>;
};

/**
 * A condition to be used against `CustomDomain` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type CustomDomainCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `hostname` field. */
  hostname?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `CustomDomain` values. */
export type CustomDomainConnection = {
  __typename?: 'CustomDomainConnection';
  /** A list of edges which contains the `CustomDomain` and cursor to aid in pagination. */
  edges: Array<Maybe<CustomDomainEdge>>;
  /** A list of `CustomDomain` objects. */
  nodes: Array<Maybe<CustomDomain>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `CustomDomain` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `CustomDomain` edge in the connection. */
export type CustomDomainEdge = {
  __typename?: 'CustomDomainEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `CustomDomain` at the end of the edge. */
  node?: Maybe<CustomDomain>;
};

/** Methods to use when ordering `CustomDomain`. */
export type CustomDomainOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'HOSTNAME_ASC'
  | 'HOSTNAME_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** All input for the `deleteCustomDomainById` mutation. */
export type DeleteCustomDomainByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `CustomDomain` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteCustomDomainByTenantIdAndHostname` mutation. */
export type DeleteCustomDomainByTenantIdAndHostnameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** Lower-case hostname, e.g. `shop.example.com`. */
  hostname: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteCustomDomainByTenantIdAndRowId` mutation. */
export type DeleteCustomDomainByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteCustomDomain` mutation. */
export type DeleteCustomDomainInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `CustomDomain` mutation. */
export type DeleteCustomDomainPayload = {
  __typename?: 'DeleteCustomDomainPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `CustomDomain` that was deleted by this mutation. */
  customDomain?: Maybe<CustomDomain>;
  /** An edge for our `CustomDomain`. May be used by Relay 1. */
  customDomainEdge?: Maybe<CustomDomainEdge>;
  deletedCustomDomainId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `CustomDomain` mutation. */
export type DeleteCustomDomainPayloadCustomDomainEdgeArgs = {
  orderBy?: Array<CustomDomainOrderBy>;
};

/** All input for the `deleteFileById` mutation. */
export type DeleteFileByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `File` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteFileByTenantIdAndFolderAndName` mutation. */
export type DeleteFileByTenantIdAndFolderAndNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** A folder path such as `invoices/2026` (segments of letters, digits, `.`, `_`, `-`, never starting with `.`); empty for the top level. */
  folder: Scalars['String']['input'];
  /** The file name shown and offered for download; 1 to 255 characters, no `/`, `\` or control characters, not `.` or `..`. */
  name: Scalars['String']['input'];
  /** The workspace that owns the file. */
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteFileByTenantIdAndRowId` mutation. */
export type DeleteFileByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The file's id; also the last part of its storage key. */
  rowId: Scalars['UUID']['input'];
  /** The workspace that owns the file. */
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteFile` mutation. */
export type DeleteFileInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The file's id; also the last part of its storage key. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `File` mutation. */
export type DeleteFilePayload = {
  __typename?: 'DeleteFilePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedFileId?: Maybe<Scalars['ID']['output']>;
  /** The `File` that was deleted by this mutation. */
  file?: Maybe<File>;
  /** An edge for our `File`. May be used by Relay 1. */
  fileEdge?: Maybe<FileEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `File` mutation. */
export type DeleteFilePayloadFileEdgeArgs = {
  orderBy?: Array<FileOrderBy>;
};

/** All input for the `deleteNotificationById` mutation. */
export type DeleteNotificationByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Notification` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteNotificationByTenantIdAndRowId` mutation. */
export type DeleteNotificationByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteNotificationByTenantIdAndUserIdAndEventId` mutation. */
export type DeleteNotificationByTenantIdAndUserIdAndEventIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  eventId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};

/** All input for the `deleteNotification` mutation. */
export type DeleteNotificationInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Notification` mutation. */
export type DeleteNotificationPayload = {
  __typename?: 'DeleteNotificationPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedNotificationId?: Maybe<Scalars['ID']['output']>;
  /** The `Notification` that was deleted by this mutation. */
  notification?: Maybe<Notification>;
  /** An edge for our `Notification`. May be used by Relay 1. */
  notificationEdge?: Maybe<NotificationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `Notification` mutation. */
export type DeleteNotificationPayloadNotificationEdgeArgs = {
  orderBy?: Array<NotificationOrderBy>;
};

/** All input for the `deleteNotificationPreferenceById` mutation. */
export type DeleteNotificationPreferenceByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `NotificationPreference` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteNotificationPreference` mutation. */
export type DeleteNotificationPreferenceInput = {
  channel: Scalars['String']['input'];
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  eventType: Scalars['String']['input'];
  userId: Scalars['UUID']['input'];
};

/** The output of our delete `NotificationPreference` mutation. */
export type DeleteNotificationPreferencePayload = {
  __typename?: 'DeleteNotificationPreferencePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedNotificationPreferenceId?: Maybe<Scalars['ID']['output']>;
  /** The `NotificationPreference` that was deleted by this mutation. */
  notificationPreference?: Maybe<NotificationPreference>;
  /** An edge for our `NotificationPreference`. May be used by Relay 1. */
  notificationPreferenceEdge?: Maybe<NotificationPreferenceEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `NotificationPreference` mutation. */
export type DeleteNotificationPreferencePayloadNotificationPreferenceEdgeArgs = {
  orderBy?: Array<NotificationPreferenceOrderBy>;
};

/** All input for the `deletePostById` mutation. */
export type DeletePostByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Post` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deletePostByTenantIdAndRowId` mutation. */
export type DeletePostByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deletePost` mutation. */
export type DeletePostInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Post` mutation. */
export type DeletePostPayload = {
  __typename?: 'DeletePostPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedPostId?: Maybe<Scalars['ID']['output']>;
  /** The `Post` that was deleted by this mutation. */
  post?: Maybe<Post>;
  /** An edge for our `Post`. May be used by Relay 1. */
  postEdge?: Maybe<PostEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our delete `Post` mutation. */
export type DeletePostPayloadPostEdgeArgs = {
  orderBy?: Array<PostOrderBy>;
};

/** All input for the `deleteRoleById` mutation. */
export type DeleteRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Role` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteRoleByTenantIdAndKey` mutation. */
export type DeleteRoleByTenantIdAndKeyInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteRoleByTenantIdAndRowId` mutation. */
export type DeleteRoleByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteRole` mutation. */
export type DeleteRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `Role` mutation. */
export type DeleteRolePayload = {
  __typename?: 'DeleteRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedRoleId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was deleted by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our delete `Role` mutation. */
export type DeleteRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the `deleteTenant` mutation. */
export type DeleteTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  confirmSlug?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `deleteTenant` mutation. */
export type DeleteTenantPayload = {
  __typename?: 'DeleteTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Scalars['Boolean']['output']>;
};

/** All input for the `deleteWebhookEndpointById` mutation. */
export type DeleteWebhookEndpointByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `WebhookEndpoint` to be deleted. */
  id: Scalars['ID']['input'];
};

/** All input for the `deleteWebhookEndpointByTenantIdAndRowId` mutation. */
export type DeleteWebhookEndpointByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `deleteWebhookEndpoint` mutation. */
export type DeleteWebhookEndpointInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  rowId: Scalars['UUID']['input'];
};

/** The output of our delete `WebhookEndpoint` mutation. */
export type DeleteWebhookEndpointPayload = {
  __typename?: 'DeleteWebhookEndpointPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  deletedWebhookEndpointId?: Maybe<Scalars['ID']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `WebhookEndpoint` that was deleted by this mutation. */
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  /** An edge for our `WebhookEndpoint`. May be used by Relay 1. */
  webhookEndpointEdge?: Maybe<WebhookEndpointEdge>;
};


/** The output of our delete `WebhookEndpoint` mutation. */
export type DeleteWebhookEndpointPayloadWebhookEndpointEdgeArgs = {
  orderBy?: Array<WebhookEndpointOrderBy>;
};

/** Every event type the platform emits, with the JSON schema of its payload. Webhook endpoints filter on these keys. */
export type EventType = Node & {
  __typename?: 'EventType';
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `NotificationPreference`. */
  notificationPreferencesByEventType: NotificationPreferenceConnection;
  /** Who gets a notification: none, the affected user (`payload.userId`), billing managers or webhook managers. */
  notify: Scalars['String']['output'];
  /** The service that publishes this type through the services API; null for the platform's own events, which no service may publish. */
  publishedBy?: Maybe<Scalars['String']['output']>;
  /** JSON schema of the payload (`required` keys are enforced when the event is recorded). */
  schema: Scalars['JSON']['output'];
  /** Reads a single `Service` that is related to this `EventType`. */
  serviceByPublishedBy?: Maybe<Service>;
};


/** Every event type the platform emits, with the JSON schema of its payload. Webhook endpoints filter on these keys. */
export type EventTypeNotificationPreferencesByEventTypeArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationPreferenceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<NotificationPreferenceOrderBy>>;
};

/**
 * A condition to be used against `EventType` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type EventTypeCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `publishedBy` field. */
  publishedBy?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `EventType` values. */
export type EventTypeConnection = {
  __typename?: 'EventTypeConnection';
  /** A list of edges which contains the `EventType` and cursor to aid in pagination. */
  edges: Array<Maybe<EventTypeEdge>>;
  /** A list of `EventType` objects. */
  nodes: Array<Maybe<EventType>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `EventType` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `EventType` edge in the connection. */
export type EventTypeEdge = {
  __typename?: 'EventTypeEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `EventType` at the end of the edge. */
  node?: Maybe<EventType>;
};

/** Methods to use when ordering `EventType`. */
export type EventTypeOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'PUBLISHED_BY_ASC'
  | 'PUBLISHED_BY_DESC';

/** A file stored for the workspace (local disk or S3-compatible storage); its bytes count against the plan's `storage_mb`. */
export type File = Node & {
  __typename?: 'File';
  /** SHA-256 of the bytes (lowercase hex); checked before the file becomes ready. */
  checksumSha256?: Maybe<Scalars['String']['output']>;
  /** The MIME type; for ready files, the type sniffed from the bytes (not the extension). */
  contentType: Scalars['String']['output'];
  /** When the file (or its upload slot) was created. */
  createdAt: Scalars['Datetime']['output'];
  /** A folder path such as `invoices/2026` (segments of letters, digits, `.`, `_`, `-`, never starting with `.`); empty for the top level. */
  folder: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads a single `Membership` that is related to this `File`. */
  membershipByTenantIdAndUploadedBy?: Maybe<Membership>;
  /** The file name shown and offered for download; 1 to 255 characters, no `/`, `\` or control characters, not `.` or `..`. */
  name: Scalars['String']['output'];
  /** The file's id; also the last part of its storage key. */
  rowId: Scalars['UUID']['output'];
  /** Size in bytes; reserved against the `storage.bytes` meter when the row is created, released when it is deleted. */
  sizeBytes: Scalars['BigInt']['output'];
  /** `pending` while the upload is in progress, `ready` once its size, checksum and type were verified. */
  status: Scalars['String']['output'];
  /** Where the bytes are in the storage backend: `<tenant_id>/<id>`, derived, never from the name. */
  storageKey?: Maybe<Scalars['String']['output']>;
  /** Reads a single `Tenant` that is related to this `File`. */
  tenant?: Maybe<Tenant>;
  /** The workspace that owns the file. */
  tenantId: Scalars['UUID']['output'];
  /** When the row last changed. */
  updatedAt: Scalars['Datetime']['output'];
  /** When the upload was verified and the file became ready. */
  uploadedAt?: Maybe<Scalars['Datetime']['output']>;
  /** The member who uploaded it; null once they left the workspace or for uploads by API keys. */
  uploadedBy?: Maybe<Scalars['UUID']['output']>;
  /** `private` (signed, short-lived download URLs) or `public` (a stable URL; readable with a publishable `pk_` key). */
  visibility: Scalars['String']['output'];
};

/** A condition to be used against `File` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type FileCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `folder` field. */
  folder?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `name` field. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `uploadedBy` field. */
  uploadedBy?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `File` values. */
export type FileConnection = {
  __typename?: 'FileConnection';
  /** A list of edges which contains the `File` and cursor to aid in pagination. */
  edges: Array<Maybe<FileEdge>>;
  /** A list of `File` objects. */
  nodes: Array<Maybe<File>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `File` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `File` edge in the connection. */
export type FileEdge = {
  __typename?: 'FileEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `File` at the end of the edge. */
  node?: Maybe<File>;
};

/** An input for mutations affecting `File` */
export type FileInput = {
  /** SHA-256 of the bytes (lowercase hex); checked before the file becomes ready. */
  checksumSha256?: InputMaybe<Scalars['String']['input']>;
  /** The MIME type; for ready files, the type sniffed from the bytes (not the extension). */
  contentType?: InputMaybe<Scalars['String']['input']>;
  /** A folder path such as `invoices/2026` (segments of letters, digits, `.`, `_`, `-`, never starting with `.`); empty for the top level. */
  folder?: InputMaybe<Scalars['String']['input']>;
  /** The file name shown and offered for download; 1 to 255 characters, no `/`, `\` or control characters, not `.` or `..`. */
  name: Scalars['String']['input'];
  /** Size in bytes; reserved against the `storage.bytes` meter when the row is created, released when it is deleted. */
  sizeBytes: Scalars['BigInt']['input'];
  /** `private` (signed, short-lived download URLs) or `public` (a stable URL; readable with a publishable `pk_` key). */
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** Methods to use when ordering `File`. */
export type FileOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'FOLDER_ASC'
  | 'FOLDER_DESC'
  | 'NAME_ASC'
  | 'NAME_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'UPLOADED_BY_ASC'
  | 'UPLOADED_BY_DESC';

/** Represents an update to a `File`. Fields that are set will be updated. */
export type FilePatch = {
  /** A folder path such as `invoices/2026` (segments of letters, digits, `.`, `_`, `-`, never starting with `.`); empty for the top level. */
  folder?: InputMaybe<Scalars['String']['input']>;
  /** The file name shown and offered for download; 1 to 255 characters, no `/`, `\` or control characters, not `.` or `..`. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** `private` (signed, short-lived download URLs) or `public` (a stable URL; readable with a publishable `pk_` key). */
  visibility?: InputMaybe<Scalars['String']['input']>;
};

/** An invitation for someone to join this workspace by email. */
export type Invitation = Node & {
  __typename?: 'Invitation';
  acceptedAt?: Maybe<Scalars['Datetime']['output']>;
  acceptedBy?: Maybe<Scalars['UUID']['output']>;
  createdAt: Scalars['Datetime']['output'];
  customRoleId?: Maybe<Scalars['UUID']['output']>;
  email: Scalars['String']['output'];
  expiresAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  invitedBy?: Maybe<Scalars['UUID']['output']>;
  revokedAt?: Maybe<Scalars['Datetime']['output']>;
  role?: Maybe<Scalars['String']['output']>;
  /** Reads a single `RoleTemplate` that is related to this `Invitation`. */
  roleTemplateByRole?: Maybe<RoleTemplate>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Invitation`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Role` that is related to this `Invitation`. */
  tenantCustomRole?: Maybe<Role>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `Invitation`. */
  userByAcceptedBy?: Maybe<User>;
  /** Reads a single `User` that is related to this `Invitation`. */
  userByInvitedBy?: Maybe<User>;
};

/**
 * A condition to be used against `Invitation` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type InvitationCondition = {
  /** Checks for equality with the object’s `acceptedBy` field. */
  acceptedBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `invitedBy` field. */
  invitedBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Invitation` values. */
export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  /** A list of edges which contains the `Invitation` and cursor to aid in pagination. */
  edges: Array<Maybe<InvitationEdge>>;
  /** A list of `Invitation` objects. */
  nodes: Array<Maybe<Invitation>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Invitation` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Invitation` edge in the connection. */
export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Invitation` at the end of the edge. */
  node?: Maybe<Invitation>;
};

/** Methods to use when ordering `Invitation`. */
export type InvitationOrderBy =
  | 'ACCEPTED_BY_ASC'
  | 'ACCEPTED_BY_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'INVITED_BY_ASC'
  | 'INVITED_BY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** All input for the `inviteMember` mutation. */
export type InviteMemberInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  customRoleId?: InputMaybe<Scalars['UUID']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `inviteMember` mutation. */
export type InviteMemberPayload = {
  __typename?: 'InviteMemberPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Invitation`. May be used by Relay 1. */
  invitationEdge?: Maybe<InvitationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Invitation>;
};


/** The output of our `inviteMember` mutation. */
export type InviteMemberPayloadInvitationEdgeArgs = {
  orderBy?: Array<InvitationOrderBy>;
};

/** Invoices of the workspace's subscription, mirrored from the payment provider. */
export type Invoice = Node & {
  __typename?: 'Invoice';
  amountPaise: Scalars['BigInt']['output'];
  createdAt: Scalars['Datetime']['output'];
  currency: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  paidAt?: Maybe<Scalars['Datetime']['output']>;
  rowId: Scalars['UUID']['output'];
  status: Scalars['String']['output'];
  subscriptionId?: Maybe<Scalars['UUID']['output']>;
  /** Reads a single `Tenant` that is related to this `Invoice`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** Reads a single `PlanSubscription` that is related to this `Invoice`. */
  tenantSubscription?: Maybe<PlanSubscription>;
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `Invoice` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type InvoiceCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `subscriptionId` field. */
  subscriptionId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Invoice` values. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** A list of edges which contains the `Invoice` and cursor to aid in pagination. */
  edges: Array<Maybe<InvoiceEdge>>;
  /** A list of `Invoice` objects. */
  nodes: Array<Maybe<Invoice>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Invoice` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Invoice` edge in the connection. */
export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Invoice` at the end of the edge. */
  node?: Maybe<Invoice>;
};

/** Methods to use when ordering `Invoice`. */
export type InvoiceOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'SUBSCRIPTION_ID_ASC'
  | 'SUBSCRIPTION_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** All input for the `leaveTenant` mutation. */
export type LeaveTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `leaveTenant` mutation. */
export type LeaveTenantPayload = {
  __typename?: 'LeaveTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `leaveTenant` mutation. */
export type LeaveTenantPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `markAllNotificationsRead` mutation. */
export type MarkAllNotificationsReadInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `markAllNotificationsRead` mutation. */
export type MarkAllNotificationsReadPayload = {
  __typename?: 'MarkAllNotificationsReadPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Scalars['Int']['output']>;
};

/** All input for the `markNotificationRead` mutation. */
export type MarkNotificationReadInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  notificationId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `markNotificationRead` mutation. */
export type MarkNotificationReadPayload = {
  __typename?: 'MarkNotificationReadPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Notification`. May be used by Relay 1. */
  notificationEdge?: Maybe<NotificationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Notification>;
};


/** The output of our `markNotificationRead` mutation. */
export type MarkNotificationReadPayloadNotificationEdgeArgs = {
  orderBy?: Array<NotificationOrderBy>;
};

/** A user's membership of a workspace, with the role that sets their permissions there. */
export type Membership = Node & {
  __typename?: 'Membership';
  /** Reads and enables pagination through a set of `ApiKey`. */
  apiKeysByTenantIdAndCreatedBy: ApiKeyConnection;
  createdAt: Scalars['Datetime']['output'];
  /** A custom role of this workspace, used instead of a built-in role. */
  customRoleId?: Maybe<Scalars['UUID']['output']>;
  /** Reads and enables pagination through a set of `File`. */
  filesByTenantIdAndUploadedBy: FileConnection;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Notification`. */
  notificationsByTenantIdAndUserId: NotificationConnection;
  /** Reads and enables pagination through a set of `Post`. */
  postsByTenantIdAndAuthorId: PostConnection;
  role?: Maybe<Scalars['String']['output']>;
  /** Reads a single `RoleTemplate` that is related to this `Membership`. */
  roleTemplateByRole?: Maybe<RoleTemplate>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Membership`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Role` that is related to this `Membership`. */
  tenantCustomRole?: Maybe<Role>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `Membership`. */
  user?: Maybe<User>;
  userId: Scalars['UUID']['output'];
  /** Reads and enables pagination through a set of `WebhookEndpoint`. */
  webhookEndpointsByTenantIdAndCreatedBy: WebhookEndpointConnection;
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipApiKeysByTenantIdAndCreatedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipFilesByTenantIdAndUploadedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<FileCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<FileOrderBy>>;
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipNotificationsByTenantIdAndUserIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<NotificationOrderBy>>;
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipPostsByTenantIdAndAuthorIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PostOrderBy>>;
};


/** A user's membership of a workspace, with the role that sets their permissions there. */
export type MembershipWebhookEndpointsByTenantIdAndCreatedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookEndpointCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookEndpointOrderBy>>;
};

/**
 * A condition to be used against `Membership` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type MembershipCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `role` field. */
  role?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Membership` values. */
export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  /** A list of edges which contains the `Membership` and cursor to aid in pagination. */
  edges: Array<Maybe<MembershipEdge>>;
  /** A list of `Membership` objects. */
  nodes: Array<Maybe<Membership>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Membership` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Membership` edge in the connection. */
export type MembershipEdge = {
  __typename?: 'MembershipEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Membership` at the end of the edge. */
  node?: Maybe<Membership>;
};

/** Methods to use when ordering `Membership`. */
export type MembershipOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROLE_ASC'
  | 'ROLE_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** What the platform counts per workspace (usage meters), per period, with the entitlement its limit comes from. */
export type Meter = Node & {
  __typename?: 'Meter';
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** The meter, e.g. `email.sends`. */
  key: Scalars['String']['output'];
  /** `counter`: consumed by services and the worker (check-and-consume); `gauge`: the number of rows of a kind the workspace has (posts, members, active API keys), kept by the platform. */
  kind: Scalars['String']['output'];
  /** The key of the limit in the workspace's (or the service's) entitlements, e.g. `seats`. */
  limitKey: Scalars['String']['output'];
  /** The entitlement is multiplied by this to get the limit in the meter's unit (1048576 for `storage_mb` -> bytes). */
  limitScale: Scalars['BigInt']['output'];
  /** `month` (calendar month in UTC, resets on the 1st) or `lifetime` (never resets). */
  period: Scalars['String']['output'];
  /** The service whose limits hold this meter's limit (and the only service that may record it); null for workspace-wide meters. */
  service?: Maybe<Scalars['String']['output']>;
  /** Reads a single `Service` that is related to this `Meter`. */
  serviceByService?: Maybe<Service>;
  /** `count` or `bytes`. */
  unit: Scalars['String']['output'];
};

/** A condition to be used against `Meter` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type MeterCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `service` field. */
  service?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Meter` values. */
export type MeterConnection = {
  __typename?: 'MeterConnection';
  /** A list of edges which contains the `Meter` and cursor to aid in pagination. */
  edges: Array<Maybe<MeterEdge>>;
  /** A list of `Meter` objects. */
  nodes: Array<Maybe<Meter>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Meter` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Meter` edge in the connection. */
export type MeterEdge = {
  __typename?: 'MeterEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Meter` at the end of the edge. */
  node?: Maybe<Meter>;
};

/** Methods to use when ordering `Meter`. */
export type MeterOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'SERVICE_ASC'
  | 'SERVICE_DESC';

/** A connection to a list of `MeterUsageRecord` values. */
export type MeterUsageConnection = {
  __typename?: 'MeterUsageConnection';
  /** A list of edges which contains the `MeterUsageRecord` and cursor to aid in pagination. */
  edges: Array<Maybe<MeterUsageEdge>>;
  /** A list of `MeterUsageRecord` objects. */
  nodes: Array<Maybe<MeterUsageRecord>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `MeterUsageRecord` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `MeterUsageRecord` edge in the connection. */
export type MeterUsageEdge = {
  __typename?: 'MeterUsageEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `MeterUsageRecord` at the end of the edge. */
  node?: Maybe<MeterUsageRecord>;
};

export type MeterUsageRecord = {
  __typename?: 'MeterUsageRecord';
  description?: Maybe<Scalars['String']['output']>;
  limit?: Maybe<Scalars['BigFloat']['output']>;
  meter?: Maybe<Scalars['String']['output']>;
  period?: Maybe<Scalars['String']['output']>;
  remaining?: Maybe<Scalars['BigFloat']['output']>;
  resetsAt?: Maybe<Scalars['Datetime']['output']>;
  unit?: Maybe<Scalars['String']['output']>;
  used?: Maybe<Scalars['BigInt']['output']>;
};

/** The root mutation type which contains root level fields which mutate data. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Joins the workspace an invitation is for. The signed-in user's email must match the invitation. Switch to the workspace afterwards to work in it. */
  acceptInvitation?: Maybe<AcceptInvitationPayload>;
  /** Claims a hostname for the workspace (needs tenant:settings.update). Create the TXT record `txtRecordName` = `txtRecordValue`; the domain is verified once DNS shows it. */
  addCustomDomain?: Maybe<AddCustomDomainPayload>;
  /** Creates a provider order for a coin pack; the coins are credited once the payment is captured. Needs `billing:manage`. */
  buyCoins?: Maybe<BuyCoinsPayload>;
  /** Cancels an add-on of the workspace (no refund); its limits go at the next rebuild. Needs `billing:manage`. */
  cancelAddon?: Maybe<CancelAddonPayload>;
  /** Cancels the live subscription at the end of the paid period. Needs `billing:manage`. */
  cancelSubscription?: Maybe<CancelSubscriptionPayload>;
  /** Gives a member a built-in or custom role. Needs `tenant:members.manage`; only owners can make or unmake owners; the last owner cannot be demoted. */
  changeMemberRole?: Maybe<ChangeMemberRolePayload>;
  /** Moves the live subscription to another plan (and interval) now. Needs `billing:manage`. */
  changePlan?: Maybe<ChangePlanPayload>;
  /** Creates an API key in the active workspace and returns its secret, once. `type`: secret or publishable; `scopes`: e.g. {"blog": ["read"]}; `allowedDomains`: publishable keys only; `expiresIn`: 30d, 90d, 1y or never. Needs `apikeys:manage`; a key cannot hold permissions you do not hold. */
  createApiKey?: Maybe<CreateApiKeyPayload>;
  /** Creates a single `File`. */
  createFile?: Maybe<CreateFilePayload>;
  /** Creates a single `NotificationPreference`. */
  createNotificationPreference?: Maybe<CreateNotificationPreferencePayload>;
  /** Creates a single `Post`. */
  createPost?: Maybe<CreatePostPayload>;
  /** Creates a single `Role`. */
  createRole?: Maybe<CreateRolePayload>;
  /** Creates a single `StorageSetting`. */
  createStorageSetting?: Maybe<CreateStorageSettingPayload>;
  /** Adds a webhook endpoint to the active workspace and returns its signing secret, once. `eventTypes`: keys of eventTypes, empty = all. Needs `webhooks:manage`. */
  createWebhookEndpoint?: Maybe<CreateWebhookEndpointPayload>;
  /** Creates a workspace owned by the caller (name; optional address `slug`, derived from the name when omitted). Then switch to it with `POST /auth/switch-tenant`. At most MAX_WORKSPACES_PER_USER owned workspaces per user (WSLIM). */
  createWorkspace?: Maybe<CreateWorkspacePayload>;
  /** Deletes a single `CustomDomain` using a unique key. */
  deleteCustomDomain?: Maybe<DeleteCustomDomainPayload>;
  /** Deletes a single `CustomDomain` using its globally unique id. */
  deleteCustomDomainById?: Maybe<DeleteCustomDomainPayload>;
  /** Deletes a single `CustomDomain` using a unique key. */
  deleteCustomDomainByTenantIdAndHostname?: Maybe<DeleteCustomDomainPayload>;
  /** Deletes a single `CustomDomain` using a unique key. */
  deleteCustomDomainByTenantIdAndRowId?: Maybe<DeleteCustomDomainPayload>;
  /** Deletes a single `File` using a unique key. */
  deleteFile?: Maybe<DeleteFilePayload>;
  /** Deletes a single `File` using its globally unique id. */
  deleteFileById?: Maybe<DeleteFilePayload>;
  /** Deletes a single `File` using a unique key. */
  deleteFileByTenantIdAndFolderAndName?: Maybe<DeleteFilePayload>;
  /** Deletes a single `File` using a unique key. */
  deleteFileByTenantIdAndRowId?: Maybe<DeleteFilePayload>;
  /** Deletes a single `Notification` using a unique key. */
  deleteNotification?: Maybe<DeleteNotificationPayload>;
  /** Deletes a single `Notification` using its globally unique id. */
  deleteNotificationById?: Maybe<DeleteNotificationPayload>;
  /** Deletes a single `Notification` using a unique key. */
  deleteNotificationByTenantIdAndRowId?: Maybe<DeleteNotificationPayload>;
  /** Deletes a single `Notification` using a unique key. */
  deleteNotificationByTenantIdAndUserIdAndEventId?: Maybe<DeleteNotificationPayload>;
  /** Deletes a single `NotificationPreference` using a unique key. */
  deleteNotificationPreference?: Maybe<DeleteNotificationPreferencePayload>;
  /** Deletes a single `NotificationPreference` using its globally unique id. */
  deleteNotificationPreferenceById?: Maybe<DeleteNotificationPreferencePayload>;
  /** Deletes a single `Post` using a unique key. */
  deletePost?: Maybe<DeletePostPayload>;
  /** Deletes a single `Post` using its globally unique id. */
  deletePostById?: Maybe<DeletePostPayload>;
  /** Deletes a single `Post` using a unique key. */
  deletePostByTenantIdAndRowId?: Maybe<DeletePostPayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRole?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using its globally unique id. */
  deleteRoleById?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRoleByTenantIdAndKey?: Maybe<DeleteRolePayload>;
  /** Deletes a single `Role` using a unique key. */
  deleteRoleByTenantIdAndRowId?: Maybe<DeleteRolePayload>;
  /** Deletes the active workspace and everything in it (your session stays signed in; switch to another workspace next). Owner only; pass the workspace slug to confirm. */
  deleteTenant?: Maybe<DeleteTenantPayload>;
  /** Deletes a single `WebhookEndpoint` using a unique key. */
  deleteWebhookEndpoint?: Maybe<DeleteWebhookEndpointPayload>;
  /** Deletes a single `WebhookEndpoint` using its globally unique id. */
  deleteWebhookEndpointById?: Maybe<DeleteWebhookEndpointPayload>;
  /** Deletes a single `WebhookEndpoint` using a unique key. */
  deleteWebhookEndpointByTenantIdAndRowId?: Maybe<DeleteWebhookEndpointPayload>;
  /** Invites someone to the active workspace by email, with a built-in role (default member) or a custom role. Needs `tenant:members.invite`; you cannot grant permissions you do not hold. */
  inviteMember?: Maybe<InviteMemberPayload>;
  /** Leaves the active workspace (your session stays signed in; switch to another workspace next). The last owner cannot leave; transfer ownership or delete it. */
  leaveTenant?: Maybe<LeaveTenantPayload>;
  /** Marks all your notifications in the active workspace read; returns how many. */
  markAllNotificationsRead?: Maybe<MarkAllNotificationsReadPayload>;
  /** Marks one of your notifications read. */
  markNotificationRead?: Maybe<MarkNotificationReadPayload>;
  /** Buys an add-on with coins from the workspace wallet and activates it (entitlements follow within seconds). Pass the same `idempotencyKey` to retry safely. Needs `billing:manage`. */
  purchaseAddon?: Maybe<PurchaseAddonPayload>;
  /** Checks DNS for the domain again now (restarting the verification window of a failed domain). Needs tenant:settings.update. */
  recheckCustomDomain?: Maybe<RecheckCustomDomainPayload>;
  /** Removes a member from the active workspace (needs `tenant:members.manage`; owners only by owners). Their sessions for it end. */
  removeMember?: Maybe<RemoveMemberPayload>;
  /** Replays every failed delivery of an endpoint created at or after `since`; returns how many. Enable the endpoint first if it was disabled. Needs `webhooks:manage`. */
  replayFailedWebhookDeliveries?: Maybe<ReplayFailedWebhookDeliveriesPayload>;
  /** Sends a delivery again (a new series of retries, same `webhook-id`), whatever its status. Needs `webhooks:manage`. */
  replayWebhookDelivery?: Maybe<ReplayWebhookDeliveryPayload>;
  /** Revokes an API key of the active workspace for good: data access stops at once, and requests are refused within the server's key cache time (API_KEY_CACHE_SECONDS). Needs `apikeys:manage`. */
  revokeApiKey?: Maybe<RevokeApiKeyPayload>;
  /** Cancels a pending invitation of the active workspace. */
  revokeInvitation?: Maybe<RevokeInvitationPayload>;
  /** Gives an API key a new secret (returned once). The old secret keeps working for the server's grace period (API_KEY_ROLL_GRACE_SECONDS, 24 h by default). Needs `apikeys:manage`. */
  rollApiKey?: Maybe<RollApiKeyPayload>;
  /** Issues a new signing secret and returns it, once. The previous secrets keep signing (every message carries one signature per live secret) for `overlapSeconds` (default a day), so receivers can switch without losing messages. Needs `webhooks:manage`. */
  rotateWebhookSecret?: Maybe<RotateWebhookSecretPayload>;
  /** Sends a `webhook.test` event to this endpoint only (whatever its event types), as a normal signed delivery; returns the delivery. Needs `webhooks:manage`. */
  sendTestWebhook?: Maybe<SendTestWebhookPayload>;
  /** Starts a plan subscription at the payment provider; finish it in the provider's checkout widget. Needs `billing:manage`. */
  startCheckout?: Maybe<StartCheckoutPayload>;
  /** Sends a message to the operators of this LogicSpike installation. Works without signing in. Returns true once the message is queued for delivery. */
  submitContactMessage?: Maybe<SubmitContactMessagePayload>;
  /** Makes another member the owner; you become an admin. */
  transferOwnership?: Maybe<TransferOwnershipPayload>;
  /** Updates a single `ApiKey` using a unique key and a patch. */
  updateApiKey?: Maybe<UpdateApiKeyPayload>;
  /** Updates a single `ApiKey` using its globally unique id and a patch. */
  updateApiKeyById?: Maybe<UpdateApiKeyPayload>;
  /** Updates a single `ApiKey` using a unique key and a patch. */
  updateApiKeyByTenantIdAndRowId?: Maybe<UpdateApiKeyPayload>;
  /** Updates a single `File` using a unique key and a patch. */
  updateFile?: Maybe<UpdateFilePayload>;
  /** Updates a single `File` using its globally unique id and a patch. */
  updateFileById?: Maybe<UpdateFilePayload>;
  /** Updates a single `File` using a unique key and a patch. */
  updateFileByTenantIdAndFolderAndName?: Maybe<UpdateFilePayload>;
  /** Updates a single `File` using a unique key and a patch. */
  updateFileByTenantIdAndRowId?: Maybe<UpdateFilePayload>;
  /** Updates a single `Notification` using a unique key and a patch. */
  updateNotification?: Maybe<UpdateNotificationPayload>;
  /** Updates a single `Notification` using its globally unique id and a patch. */
  updateNotificationById?: Maybe<UpdateNotificationPayload>;
  /** Updates a single `Notification` using a unique key and a patch. */
  updateNotificationByTenantIdAndRowId?: Maybe<UpdateNotificationPayload>;
  /** Updates a single `Notification` using a unique key and a patch. */
  updateNotificationByTenantIdAndUserIdAndEventId?: Maybe<UpdateNotificationPayload>;
  /** Updates a single `NotificationPreference` using a unique key and a patch. */
  updateNotificationPreference?: Maybe<UpdateNotificationPreferencePayload>;
  /** Updates a single `NotificationPreference` using its globally unique id and a patch. */
  updateNotificationPreferenceById?: Maybe<UpdateNotificationPreferencePayload>;
  /** Updates a single `Post` using a unique key and a patch. */
  updatePost?: Maybe<UpdatePostPayload>;
  /** Updates a single `Post` using its globally unique id and a patch. */
  updatePostById?: Maybe<UpdatePostPayload>;
  /** Updates a single `Post` using a unique key and a patch. */
  updatePostByTenantIdAndRowId?: Maybe<UpdatePostPayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRole?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using its globally unique id and a patch. */
  updateRoleById?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRoleByTenantIdAndKey?: Maybe<UpdateRolePayload>;
  /** Updates a single `Role` using a unique key and a patch. */
  updateRoleByTenantIdAndRowId?: Maybe<UpdateRolePayload>;
  /** Updates a single `StorageSetting` using a unique key and a patch. */
  updateStorageSetting?: Maybe<UpdateStorageSettingPayload>;
  /** Updates a single `StorageSetting` using its globally unique id and a patch. */
  updateStorageSettingById?: Maybe<UpdateStorageSettingPayload>;
  /** Updates a single `Tenant` using a unique key and a patch. */
  updateTenant?: Maybe<UpdateTenantPayload>;
  /** Updates a single `Tenant` using its globally unique id and a patch. */
  updateTenantById?: Maybe<UpdateTenantPayload>;
  /** Updates a single `Tenant` using a unique key and a patch. */
  updateTenantBySlug?: Maybe<UpdateTenantPayload>;
  /** Updates a single `TenantSetting` using a unique key and a patch. */
  updateTenantSetting?: Maybe<UpdateTenantSettingPayload>;
  /** Updates a single `TenantSetting` using its globally unique id and a patch. */
  updateTenantSettingById?: Maybe<UpdateTenantSettingPayload>;
  /** Updates a single `User` using a unique key and a patch. */
  updateUser?: Maybe<UpdateUserPayload>;
  /** Updates a single `User` using a unique key and a patch. */
  updateUserByEmail?: Maybe<UpdateUserPayload>;
  /** Updates a single `User` using its globally unique id and a patch. */
  updateUserById?: Maybe<UpdateUserPayload>;
  /** Updates a single `WebhookEndpoint` using a unique key and a patch. */
  updateWebhookEndpoint?: Maybe<UpdateWebhookEndpointPayload>;
  /** Updates a single `WebhookEndpoint` using its globally unique id and a patch. */
  updateWebhookEndpointById?: Maybe<UpdateWebhookEndpointPayload>;
  /** Updates a single `WebhookEndpoint` using a unique key and a patch. */
  updateWebhookEndpointByTenantIdAndRowId?: Maybe<UpdateWebhookEndpointPayload>;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationAddCustomDomainArgs = {
  input: AddCustomDomainInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationBuyCoinsArgs = {
  input: BuyCoinsInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCancelAddonArgs = {
  input: CancelAddonInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCancelSubscriptionArgs = {
  input?: InputMaybe<CancelSubscriptionInput>;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationChangeMemberRoleArgs = {
  input: ChangeMemberRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationChangePlanArgs = {
  input: ChangePlanInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateFileArgs = {
  input: CreateFileInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateNotificationPreferenceArgs = {
  input: CreateNotificationPreferenceInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreatePostArgs = {
  input: CreatePostInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateStorageSettingArgs = {
  input: CreateStorageSettingInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationCreateWorkspaceArgs = {
  input: CreateWorkspaceInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteCustomDomainArgs = {
  input: DeleteCustomDomainInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteCustomDomainByIdArgs = {
  input: DeleteCustomDomainByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteCustomDomainByTenantIdAndHostnameArgs = {
  input: DeleteCustomDomainByTenantIdAndHostnameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteCustomDomainByTenantIdAndRowIdArgs = {
  input: DeleteCustomDomainByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteFileArgs = {
  input: DeleteFileInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteFileByIdArgs = {
  input: DeleteFileByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteFileByTenantIdAndFolderAndNameArgs = {
  input: DeleteFileByTenantIdAndFolderAndNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteFileByTenantIdAndRowIdArgs = {
  input: DeleteFileByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteNotificationArgs = {
  input: DeleteNotificationInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteNotificationByIdArgs = {
  input: DeleteNotificationByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteNotificationByTenantIdAndRowIdArgs = {
  input: DeleteNotificationByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteNotificationByTenantIdAndUserIdAndEventIdArgs = {
  input: DeleteNotificationByTenantIdAndUserIdAndEventIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteNotificationPreferenceArgs = {
  input: DeleteNotificationPreferenceInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteNotificationPreferenceByIdArgs = {
  input: DeleteNotificationPreferenceByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePostArgs = {
  input: DeletePostInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePostByIdArgs = {
  input: DeletePostByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeletePostByTenantIdAndRowIdArgs = {
  input: DeletePostByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleArgs = {
  input: DeleteRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByIdArgs = {
  input: DeleteRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByTenantIdAndKeyArgs = {
  input: DeleteRoleByTenantIdAndKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteRoleByTenantIdAndRowIdArgs = {
  input: DeleteRoleByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteTenantArgs = {
  input: DeleteTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteWebhookEndpointArgs = {
  input: DeleteWebhookEndpointInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteWebhookEndpointByIdArgs = {
  input: DeleteWebhookEndpointByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationDeleteWebhookEndpointByTenantIdAndRowIdArgs = {
  input: DeleteWebhookEndpointByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationLeaveTenantArgs = {
  input: LeaveTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationMarkAllNotificationsReadArgs = {
  input: MarkAllNotificationsReadInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationMarkNotificationReadArgs = {
  input: MarkNotificationReadInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationPurchaseAddonArgs = {
  input: PurchaseAddonInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRecheckCustomDomainArgs = {
  input: RecheckCustomDomainInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRemoveMemberArgs = {
  input: RemoveMemberInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationReplayFailedWebhookDeliveriesArgs = {
  input: ReplayFailedWebhookDeliveriesInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationReplayWebhookDeliveryArgs = {
  input: ReplayWebhookDeliveryInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRevokeInvitationArgs = {
  input: RevokeInvitationInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRollApiKeyArgs = {
  input: RollApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationRotateWebhookSecretArgs = {
  input: RotateWebhookSecretInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationSendTestWebhookArgs = {
  input: SendTestWebhookInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationStartCheckoutArgs = {
  input: StartCheckoutInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationSubmitContactMessageArgs = {
  input: SubmitContactMessageInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationTransferOwnershipArgs = {
  input: TransferOwnershipInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateApiKeyArgs = {
  input: UpdateApiKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateApiKeyByIdArgs = {
  input: UpdateApiKeyByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateApiKeyByTenantIdAndRowIdArgs = {
  input: UpdateApiKeyByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateFileArgs = {
  input: UpdateFileInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateFileByIdArgs = {
  input: UpdateFileByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateFileByTenantIdAndFolderAndNameArgs = {
  input: UpdateFileByTenantIdAndFolderAndNameInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateFileByTenantIdAndRowIdArgs = {
  input: UpdateFileByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateNotificationArgs = {
  input: UpdateNotificationInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateNotificationByIdArgs = {
  input: UpdateNotificationByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateNotificationByTenantIdAndRowIdArgs = {
  input: UpdateNotificationByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateNotificationByTenantIdAndUserIdAndEventIdArgs = {
  input: UpdateNotificationByTenantIdAndUserIdAndEventIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateNotificationPreferenceArgs = {
  input: UpdateNotificationPreferenceInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateNotificationPreferenceByIdArgs = {
  input: UpdateNotificationPreferenceByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePostArgs = {
  input: UpdatePostInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePostByIdArgs = {
  input: UpdatePostByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdatePostByTenantIdAndRowIdArgs = {
  input: UpdatePostByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleArgs = {
  input: UpdateRoleInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByIdArgs = {
  input: UpdateRoleByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByTenantIdAndKeyArgs = {
  input: UpdateRoleByTenantIdAndKeyInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateRoleByTenantIdAndRowIdArgs = {
  input: UpdateRoleByTenantIdAndRowIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateStorageSettingArgs = {
  input: UpdateStorageSettingInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateStorageSettingByIdArgs = {
  input: UpdateStorageSettingByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantArgs = {
  input: UpdateTenantInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantByIdArgs = {
  input: UpdateTenantByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantBySlugArgs = {
  input: UpdateTenantBySlugInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantSettingArgs = {
  input: UpdateTenantSettingInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateTenantSettingByIdArgs = {
  input: UpdateTenantSettingByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserArgs = {
  input: UpdateUserInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserByEmailArgs = {
  input: UpdateUserByEmailInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateUserByIdArgs = {
  input: UpdateUserByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateWebhookEndpointByIdArgs = {
  input: UpdateWebhookEndpointByIdInput;
};


/** The root mutation type which contains root level fields which mutate data. */
export type MutationUpdateWebhookEndpointByTenantIdAndRowIdArgs = {
  input: UpdateWebhookEndpointByTenantIdAndRowIdInput;
};

/** An object with a globally unique `ID`. */
export type Node = {
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
};

/** Your in-app notifications in the active workspace. */
export type Notification = Node & {
  __typename?: 'Notification';
  createdAt: Scalars['Datetime']['output'];
  data: Scalars['JSON']['output'];
  eventId: Scalars['UUID']['output'];
  eventType: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** When you marked it read; null = unread. */
  readAt?: Maybe<Scalars['Datetime']['output']>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Notification`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** Reads a single `Membership` that is related to this `Notification`. */
  tenantUser?: Maybe<Membership>;
  title: Scalars['String']['output'];
  userId: Scalars['UUID']['output'];
};

/**
 * A condition to be used against `Notification` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type NotificationCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `eventId` field. */
  eventId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Notification` values. */
export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  /** A list of edges which contains the `Notification` and cursor to aid in pagination. */
  edges: Array<Maybe<NotificationEdge>>;
  /** A list of `Notification` objects. */
  nodes: Array<Maybe<Notification>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Notification` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Notification` edge in the connection. */
export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Notification` at the end of the edge. */
  node?: Maybe<Notification>;
};

/** Methods to use when ordering `Notification`. */
export type NotificationOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'EVENT_ID_ASC'
  | 'EVENT_ID_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** Represents an update to a `Notification`. Fields that are set will be updated. */
export type NotificationPatch = {
  /** When you marked it read; null = unread. */
  readAt?: InputMaybe<Scalars['Datetime']['input']>;
};

/** Your notification choices per event type and channel (in_app, email, slack). Without a row: in-app on, email and Slack off. */
export type NotificationPreference = Node & {
  __typename?: 'NotificationPreference';
  channel: Scalars['String']['output'];
  createdAt: Scalars['Datetime']['output'];
  eventType: Scalars['String']['output'];
  /** Reads a single `EventType` that is related to this `NotificationPreference`. */
  eventTypeByEventType?: Maybe<EventType>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  isEnabled: Scalars['Boolean']['output'];
  /** For channel slack: your Slack incoming-webhook URL (https://hooks.slack.com/services/…). */
  slackWebhookUrl?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `User` that is related to this `NotificationPreference`. */
  user?: Maybe<User>;
  userId: Scalars['UUID']['output'];
};

/**
 * A condition to be used against `NotificationPreference` object types. All fields
 * are tested for equality and combined with a logical ‘and.’
 */
export type NotificationPreferenceCondition = {
  /** Checks for equality with the object’s `channel` field. */
  channel?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `eventType` field. */
  eventType?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `userId` field. */
  userId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `NotificationPreference` values. */
export type NotificationPreferenceConnection = {
  __typename?: 'NotificationPreferenceConnection';
  /** A list of edges which contains the `NotificationPreference` and cursor to aid in pagination. */
  edges: Array<Maybe<NotificationPreferenceEdge>>;
  /** A list of `NotificationPreference` objects. */
  nodes: Array<Maybe<NotificationPreference>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `NotificationPreference` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `NotificationPreference` edge in the connection. */
export type NotificationPreferenceEdge = {
  __typename?: 'NotificationPreferenceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `NotificationPreference` at the end of the edge. */
  node?: Maybe<NotificationPreference>;
};

/** An input for mutations affecting `NotificationPreference` */
export type NotificationPreferenceInput = {
  channel: Scalars['String']['input'];
  eventType: Scalars['String']['input'];
  isEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** For channel slack: your Slack incoming-webhook URL (https://hooks.slack.com/services/…). */
  slackWebhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** Methods to use when ordering `NotificationPreference`. */
export type NotificationPreferenceOrderBy =
  | 'CHANNEL_ASC'
  | 'CHANNEL_DESC'
  | 'EVENT_TYPE_ASC'
  | 'EVENT_TYPE_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'USER_ID_ASC'
  | 'USER_ID_DESC';

/** Represents an update to a `NotificationPreference`. Fields that are set will be updated. */
export type NotificationPreferencePatch = {
  isEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** For channel slack: your Slack incoming-webhook URL (https://hooks.slack.com/services/…). */
  slackWebhookUrl?: InputMaybe<Scalars['String']['input']>;
};

/** Information about pagination in a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** When paginating forwards, the cursor to continue. */
  endCursor?: Maybe<Scalars['Cursor']['output']>;
  /** When paginating forwards, are there more items? */
  hasNextPage: Scalars['Boolean']['output'];
  /** When paginating backwards, are there more items? */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** When paginating backwards, the cursor to continue. */
  startCursor?: Maybe<Scalars['Cursor']['output']>;
};

/** Every permission string the platform knows, with what it allows. */
export type Permission = Node & {
  __typename?: 'Permission';
  /** Reads and enables pagination through a set of `ApiKeyScope`. */
  apiKeyScopesByPermission: ApiKeyScopeConnection;
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** The permission string, `<service>:<resource>.<action>`, e.g. `blog:posts.write`. */
  key: Scalars['String']['output'];
};


/** Every permission string the platform knows, with what it allows. */
export type PermissionApiKeyScopesByPermissionArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyScopeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyScopeOrderBy>>;
};

/**
 * A condition to be used against `Permission` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type PermissionCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Permission` values. */
export type PermissionConnection = {
  __typename?: 'PermissionConnection';
  /** A list of edges which contains the `Permission` and cursor to aid in pagination. */
  edges: Array<Maybe<PermissionEdge>>;
  /** A list of `Permission` objects. */
  nodes: Array<Maybe<Permission>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Permission` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Permission` edge in the connection. */
export type PermissionEdge = {
  __typename?: 'PermissionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Permission` at the end of the edge. */
  node?: Maybe<Permission>;
};

/** Methods to use when ordering `Permission`. */
export type PermissionOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

/** Subscription plans: prices (paise) and what each includes. */
export type Plan = Node & {
  __typename?: 'Plan';
  /** Reads and enables pagination through a set of `BillingAccount`. */
  billingAccountsByPlan: BillingAccountConnection;
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  isPublic: Scalars['Boolean']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `PlanSubscription`. */
  planSubscriptionsByPlan: PlanSubscriptionConnection;
  priceMonthlyPaise: Scalars['BigInt']['output'];
  priceYearlyPaise: Scalars['BigInt']['output'];
  /** Provider plan ids per billing interval, e.g. `{"razorpay": {"monthly": "plan_…", "yearly": "plan_…"}}`. */
  providerPlanIds: Scalars['JSON']['output'];
  /** Services and limits, e.g. `{"blog": {"enabled": true, "posts": 100}, "seats": 5, "storage_mb": 1024}`; a missing limit is unlimited. */
  services: Scalars['JSON']['output'];
  sortOrder: Scalars['Int']['output'];
};


/** Subscription plans: prices (paise) and what each includes. */
export type PlanBillingAccountsByPlanArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<BillingAccountCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<BillingAccountOrderBy>>;
};


/** Subscription plans: prices (paise) and what each includes. */
export type PlanPlanSubscriptionsByPlanArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PlanSubscriptionCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PlanSubscriptionOrderBy>>;
};

/** A condition to be used against `Plan` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type PlanCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Plan` values. */
export type PlanConnection = {
  __typename?: 'PlanConnection';
  /** A list of edges which contains the `Plan` and cursor to aid in pagination. */
  edges: Array<Maybe<PlanEdge>>;
  /** A list of `Plan` objects. */
  nodes: Array<Maybe<Plan>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Plan` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Plan` edge in the connection. */
export type PlanEdge = {
  __typename?: 'PlanEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Plan` at the end of the edge. */
  node?: Maybe<Plan>;
};

/** Methods to use when ordering `Plan`. */
export type PlanOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

/** The workspace's plan subscriptions and their state at the payment provider. */
export type PlanSubscription = Node & {
  __typename?: 'PlanSubscription';
  billingInterval: Scalars['String']['output'];
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  createdAt: Scalars['Datetime']['output'];
  currentPeriodEnd?: Maybe<Scalars['Datetime']['output']>;
  currentPeriodStart?: Maybe<Scalars['Datetime']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Invoice`. */
  invoicesByTenantIdAndSubscriptionId: InvoiceConnection;
  lastEventAt?: Maybe<Scalars['Datetime']['output']>;
  plan: Scalars['String']['output'];
  /** Reads a single `Plan` that is related to this `PlanSubscription`. */
  planByPlan?: Maybe<Plan>;
  provider: Scalars['String']['output'];
  rowId: Scalars['UUID']['output'];
  /** created, authenticated, active, pending (payment retrying), halted, or finally cancelled, completed, expired. Active and pending grant the plan. */
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `PlanSubscription`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};


/** The workspace's plan subscriptions and their state at the payment provider. */
export type PlanSubscriptionInvoicesByTenantIdAndSubscriptionIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvoiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvoiceOrderBy>>;
};

/**
 * A condition to be used against `PlanSubscription` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type PlanSubscriptionCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `plan` field. */
  plan?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `PlanSubscription` values. */
export type PlanSubscriptionConnection = {
  __typename?: 'PlanSubscriptionConnection';
  /** A list of edges which contains the `PlanSubscription` and cursor to aid in pagination. */
  edges: Array<Maybe<PlanSubscriptionEdge>>;
  /** A list of `PlanSubscription` objects. */
  nodes: Array<Maybe<PlanSubscription>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `PlanSubscription` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `PlanSubscription` edge in the connection. */
export type PlanSubscriptionEdge = {
  __typename?: 'PlanSubscriptionEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `PlanSubscription` at the end of the edge. */
  node?: Maybe<PlanSubscription>;
};

/** Methods to use when ordering `PlanSubscription`. */
export type PlanSubscriptionOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PLAN_ASC'
  | 'PLAN_DESC'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** A blog post of the workspace. */
export type Post = Node & {
  __typename?: 'Post';
  authorId?: Maybe<Scalars['UUID']['output']>;
  body: Scalars['String']['output'];
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  publishedAt?: Maybe<Scalars['Datetime']['output']>;
  rowId: Scalars['UUID']['output'];
  /** `draft` or `published`; publishing needs `blog:posts.publish`. */
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `Post`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `Membership` that is related to this `Post`. */
  tenantAuthor?: Maybe<Membership>;
  tenantId: Scalars['UUID']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `Post` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type PostCondition = {
  /** Checks for equality with the object’s `authorId` field. */
  authorId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `publishedAt` field. */
  publishedAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `status` field. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Post` values. */
export type PostConnection = {
  __typename?: 'PostConnection';
  /** A list of edges which contains the `Post` and cursor to aid in pagination. */
  edges: Array<Maybe<PostEdge>>;
  /** A list of `Post` objects. */
  nodes: Array<Maybe<Post>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Post` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Post` edge in the connection. */
export type PostEdge = {
  __typename?: 'PostEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Post` at the end of the edge. */
  node?: Maybe<Post>;
};

/** An input for mutations affecting `Post` */
export type PostInput = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** `draft` or `published`; publishing needs `blog:posts.publish`. */
  status?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** Methods to use when ordering `Post`. */
export type PostOrderBy =
  | 'AUTHOR_ID_ASC'
  | 'AUTHOR_ID_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'PUBLISHED_AT_ASC'
  | 'PUBLISHED_AT_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `Post`. Fields that are set will be updated. */
export type PostPatch = {
  body?: InputMaybe<Scalars['String']['input']>;
  /** `draft` or `published`; publishing needs `blog:posts.publish`. */
  status?: InputMaybe<Scalars['String']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** All input for the `purchaseAddon` mutation. */
export type PurchaseAddonInput = {
  addonKey?: InputMaybe<Scalars['String']['input']>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `purchaseAddon` mutation. */
export type PurchaseAddonPayload = {
  __typename?: 'PurchaseAddonPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<TenantAddon>;
  /** An edge for our `TenantAddon`. May be used by Relay 1. */
  tenantAddonEdge?: Maybe<TenantAddonEdge>;
};


/** The output of our `purchaseAddon` mutation. */
export type PurchaseAddonPayloadTenantAddonEdgeArgs = {
  orderBy?: Array<TenantAddonOrderBy>;
};

/** The root query type which gives access points into the data universe. */
export type Query = Node & {
  __typename?: 'Query';
  /** Get a single `Addon`. */
  addon?: Maybe<Addon>;
  /** Reads a single `Addon` using its globally unique `ID`. */
  addonById?: Maybe<Addon>;
  /** Reads and enables pagination through a set of `Addon`. */
  addons?: Maybe<AddonConnection>;
  /** Get a single `ApiKey`. */
  apiKey?: Maybe<ApiKey>;
  /** Reads a single `ApiKey` using its globally unique `ID`. */
  apiKeyById?: Maybe<ApiKey>;
  /** Get a single `ApiKey`. */
  apiKeyByTenantIdAndRowId?: Maybe<ApiKey>;
  /** Get a single `ApiKeyScope`. */
  apiKeyScope?: Maybe<ApiKeyScope>;
  /** Reads a single `ApiKeyScope` using its globally unique `ID`. */
  apiKeyScopeById?: Maybe<ApiKeyScope>;
  /** Reads and enables pagination through a set of `ApiKeyScope`. */
  apiKeyScopes?: Maybe<ApiKeyScopeConnection>;
  /** Reads and enables pagination through a set of `ApiKey`. */
  apiKeys?: Maybe<ApiKeyConnection>;
  /** True when the active workspace's audit log hash chain verifies (nothing altered, inserted or removed outside retention). Needs `audit:read`. */
  auditChainIntact?: Maybe<Scalars['Boolean']['output']>;
  /** The active workspace's audit log, newest first, optionally filtered by table, actor (user or API key), action, event and time range [occurredAfter, occurredBefore). Needs `audit:read`. */
  auditEntries?: Maybe<AuditLogConnection>;
  /** Get a single `AuditLog`. */
  auditLog?: Maybe<AuditLog>;
  /** Reads a single `AuditLog` using its globally unique `ID`. */
  auditLogById?: Maybe<AuditLog>;
  /** Get a single `AuditLog`. */
  auditLogByTenantIdAndRowId?: Maybe<AuditLog>;
  /** Get a single `AuditLog`. */
  auditLogByTenantIdAndSeq?: Maybe<AuditLog>;
  /** Reads and enables pagination through a set of `AuditLog`. */
  auditLogs?: Maybe<AuditLogConnection>;
  /** Get a single `BillingAccount`. */
  billingAccount?: Maybe<BillingAccount>;
  /** Reads a single `BillingAccount` using its globally unique `ID`. */
  billingAccountById?: Maybe<BillingAccount>;
  /** Reads and enables pagination through a set of `BillingAccount`. */
  billingAccounts?: Maybe<BillingAccountConnection>;
  /** Usage against the plan's limits per limited resource (limit null = unlimited): blog posts, seats, API keys, stored bytes. Needs `billing:read`. */
  billingUsage?: Maybe<BillingUsageConnection>;
  /** Get a single `CoinOrder`. */
  coinOrder?: Maybe<CoinOrder>;
  /** Reads a single `CoinOrder` using its globally unique `ID`. */
  coinOrderById?: Maybe<CoinOrder>;
  /** Get a single `CoinOrder`. */
  coinOrderByTenantIdAndRowId?: Maybe<CoinOrder>;
  /** Reads and enables pagination through a set of `CoinOrder`. */
  coinOrders?: Maybe<CoinOrderConnection>;
  /** Get a single `CoinPack`. */
  coinPack?: Maybe<CoinPack>;
  /** Reads a single `CoinPack` using its globally unique `ID`. */
  coinPackById?: Maybe<CoinPack>;
  /** Reads and enables pagination through a set of `CoinPack`. */
  coinPacks?: Maybe<CoinPackConnection>;
  /** The workspace the caller's token is active in. */
  currentTenant?: Maybe<Tenant>;
  /** The signed-in user, or null when anonymous. */
  currentUser?: Maybe<User>;
  /** Get a single `CustomDomain`. */
  customDomain?: Maybe<CustomDomain>;
  /** Reads a single `CustomDomain` using its globally unique `ID`. */
  customDomainById?: Maybe<CustomDomain>;
  /** Get a single `CustomDomain`. */
  customDomainByTenantIdAndHostname?: Maybe<CustomDomain>;
  /** Get a single `CustomDomain`. */
  customDomainByTenantIdAndRowId?: Maybe<CustomDomain>;
  /** Reads and enables pagination through a set of `CustomDomain`. */
  customDomains?: Maybe<CustomDomainConnection>;
  /** Get a single `EventType`. */
  eventType?: Maybe<EventType>;
  /** Reads a single `EventType` using its globally unique `ID`. */
  eventTypeById?: Maybe<EventType>;
  /** Reads and enables pagination through a set of `EventType`. */
  eventTypes?: Maybe<EventTypeConnection>;
  /** Get a single `File`. */
  file?: Maybe<File>;
  /** Reads a single `File` using its globally unique `ID`. */
  fileById?: Maybe<File>;
  /** Get a single `File`. */
  fileByTenantIdAndFolderAndName?: Maybe<File>;
  /** Get a single `File`. */
  fileByTenantIdAndRowId?: Maybe<File>;
  /** Reads and enables pagination through a set of `File`. */
  files?: Maybe<FileConnection>;
  /** The root query type must be a `Node` to work well with Relay 1 mutations. This just resolves to `query`. */
  id: Scalars['ID']['output'];
  /** Get a single `Invitation`. */
  invitation?: Maybe<Invitation>;
  /** Reads a single `Invitation` using its globally unique `ID`. */
  invitationById?: Maybe<Invitation>;
  /** Get a single `Invitation`. */
  invitationByTenantIdAndRowId?: Maybe<Invitation>;
  /** Reads and enables pagination through a set of `Invitation`. */
  invitations?: Maybe<InvitationConnection>;
  /** Get a single `Invoice`. */
  invoice?: Maybe<Invoice>;
  /** Reads a single `Invoice` using its globally unique `ID`. */
  invoiceById?: Maybe<Invoice>;
  /** Get a single `Invoice`. */
  invoiceByTenantIdAndRowId?: Maybe<Invoice>;
  /** Reads and enables pagination through a set of `Invoice`. */
  invoices?: Maybe<InvoiceConnection>;
  /** Get a single `Membership`. */
  membership?: Maybe<Membership>;
  /** Reads a single `Membership` using its globally unique `ID`. */
  membershipById?: Maybe<Membership>;
  /** Get a single `Membership`. */
  membershipByTenantIdAndRowId?: Maybe<Membership>;
  /** Get a single `Membership`. */
  membershipByTenantIdAndUserId?: Maybe<Membership>;
  /** Reads and enables pagination through a set of `Membership`. */
  memberships?: Maybe<MembershipConnection>;
  /** Get a single `Meter`. */
  meter?: Maybe<Meter>;
  /** Reads a single `Meter` using its globally unique `ID`. */
  meterById?: Maybe<Meter>;
  /** The workspace's usage of every meter in the current period, against its limit (limit and remaining null = unlimited; resetsAt null = never). Needs `billing:read`. */
  meterUsage?: Maybe<MeterUsageConnection>;
  /** Reads and enables pagination through a set of `Meter`. */
  meters?: Maybe<MeterConnection>;
  /** The caller's memberships in every workspace (for a workspace switcher). */
  myMemberships?: Maybe<MembershipConnection>;
  /** Fetches an object given its globally unique `ID`. */
  node?: Maybe<Node>;
  /** Get a single `Notification`. */
  notification?: Maybe<Notification>;
  /** Reads a single `Notification` using its globally unique `ID`. */
  notificationById?: Maybe<Notification>;
  /** Get a single `Notification`. */
  notificationByTenantIdAndRowId?: Maybe<Notification>;
  /** Get a single `Notification`. */
  notificationByTenantIdAndUserIdAndEventId?: Maybe<Notification>;
  /** Get a single `NotificationPreference`. */
  notificationPreference?: Maybe<NotificationPreference>;
  /** Reads a single `NotificationPreference` using its globally unique `ID`. */
  notificationPreferenceById?: Maybe<NotificationPreference>;
  /** Reads and enables pagination through a set of `NotificationPreference`. */
  notificationPreferences?: Maybe<NotificationPreferenceConnection>;
  /** Reads and enables pagination through a set of `Notification`. */
  notifications?: Maybe<NotificationConnection>;
  /** Get a single `Permission`. */
  permission?: Maybe<Permission>;
  /** Reads a single `Permission` using its globally unique `ID`. */
  permissionById?: Maybe<Permission>;
  /** Reads and enables pagination through a set of `Permission`. */
  permissions?: Maybe<PermissionConnection>;
  /** Get a single `Plan`. */
  plan?: Maybe<Plan>;
  /** Reads a single `Plan` using its globally unique `ID`. */
  planById?: Maybe<Plan>;
  /** Get a single `PlanSubscription`. */
  planSubscription?: Maybe<PlanSubscription>;
  /** Reads a single `PlanSubscription` using its globally unique `ID`. */
  planSubscriptionById?: Maybe<PlanSubscription>;
  /** Get a single `PlanSubscription`. */
  planSubscriptionByTenantIdAndRowId?: Maybe<PlanSubscription>;
  /** Reads and enables pagination through a set of `PlanSubscription`. */
  planSubscriptions?: Maybe<PlanSubscriptionConnection>;
  /** Reads and enables pagination through a set of `Plan`. */
  plans?: Maybe<PlanConnection>;
  /** Get a single `Post`. */
  post?: Maybe<Post>;
  /** Reads a single `Post` using its globally unique `ID`. */
  postById?: Maybe<Post>;
  /** Get a single `Post`. */
  postByTenantIdAndRowId?: Maybe<Post>;
  /** Reads and enables pagination through a set of `Post`. */
  posts?: Maybe<PostConnection>;
  /**
   * Exposes the root query type nested one level down. This is helpful for Relay 1
   * which can only query top level fields if they are in a particular form.
   */
  query: Query;
  /** Get a single `Role`. */
  role?: Maybe<Role>;
  /** Reads a single `Role` using its globally unique `ID`. */
  roleById?: Maybe<Role>;
  /** Get a single `Role`. */
  roleByTenantIdAndKey?: Maybe<Role>;
  /** Get a single `Role`. */
  roleByTenantIdAndRowId?: Maybe<Role>;
  /** Get a single `RoleTemplate`. */
  roleTemplate?: Maybe<RoleTemplate>;
  /** Reads a single `RoleTemplate` using its globally unique `ID`. */
  roleTemplateById?: Maybe<RoleTemplate>;
  /** Get a single `RoleTemplate`. */
  roleTemplateByRank?: Maybe<RoleTemplate>;
  /** Reads and enables pagination through a set of `RoleTemplate`. */
  roleTemplates?: Maybe<RoleTemplateConnection>;
  /** Reads and enables pagination through a set of `Role`. */
  roles?: Maybe<RoleConnection>;
  /** Get a single `Service`. */
  service?: Maybe<Service>;
  /** Reads a single `Service` using its globally unique `ID`. */
  serviceById?: Maybe<Service>;
  /** Reads and enables pagination through a set of `Service`. */
  services?: Maybe<ServiceConnection>;
  /** Get a single `StorageSetting`. */
  storageSetting?: Maybe<StorageSetting>;
  /** Reads a single `StorageSetting` using its globally unique `ID`. */
  storageSettingById?: Maybe<StorageSetting>;
  /** Reads and enables pagination through a set of `StorageSetting`. */
  storageSettings?: Maybe<StorageSettingConnection>;
  /** Get a single `Tenant`. */
  tenant?: Maybe<Tenant>;
  /** Get a single `TenantAddon`. */
  tenantAddon?: Maybe<TenantAddon>;
  /** Reads a single `TenantAddon` using its globally unique `ID`. */
  tenantAddonById?: Maybe<TenantAddon>;
  /** Get a single `TenantAddon`. */
  tenantAddonByTenantIdAndRowId?: Maybe<TenantAddon>;
  /** Get a single `TenantAddon`. */
  tenantAddonByTenantIdAndWalletEntryId?: Maybe<TenantAddon>;
  /** Reads and enables pagination through a set of `TenantAddon`. */
  tenantAddons?: Maybe<TenantAddonConnection>;
  /** Reads a single `Tenant` using its globally unique `ID`. */
  tenantById?: Maybe<Tenant>;
  /** Get a single `Tenant`. */
  tenantBySlug?: Maybe<Tenant>;
  /** Get a single `TenantService`. */
  tenantService?: Maybe<TenantService>;
  /** Reads a single `TenantService` using its globally unique `ID`. */
  tenantServiceById?: Maybe<TenantService>;
  /** Reads and enables pagination through a set of `TenantService`. */
  tenantServices?: Maybe<TenantServiceConnection>;
  /** Get a single `TenantSetting`. */
  tenantSetting?: Maybe<TenantSetting>;
  /** Reads a single `TenantSetting` using its globally unique `ID`. */
  tenantSettingById?: Maybe<TenantSetting>;
  /** Reads and enables pagination through a set of `TenantSetting`. */
  tenantSettings?: Maybe<TenantSettingConnection>;
  /** Reads and enables pagination through a set of `Tenant`. */
  tenants?: Maybe<TenantConnection>;
  /** Get a single `User`. */
  user?: Maybe<User>;
  /** Get a single `User`. */
  userByEmail?: Maybe<User>;
  /** Reads a single `User` using its globally unique `ID`. */
  userById?: Maybe<User>;
  /** Reads and enables pagination through a set of `User`. */
  users?: Maybe<UserConnection>;
  /** Get a single `Wallet`. */
  wallet?: Maybe<Wallet>;
  /** Reads a single `Wallet` using its globally unique `ID`. */
  walletById?: Maybe<Wallet>;
  /** Reads and enables pagination through a set of `WalletEntry`. */
  walletEntries?: Maybe<WalletEntryConnection>;
  /** Get a single `WalletEntry`. */
  walletEntry?: Maybe<WalletEntry>;
  /** Reads a single `WalletEntry` using its globally unique `ID`. */
  walletEntryById?: Maybe<WalletEntry>;
  /** Get a single `WalletEntry`. */
  walletEntryByTenantIdAndIdempotencyKey?: Maybe<WalletEntry>;
  /** Get a single `WalletEntry`. */
  walletEntryByTenantIdAndRowId?: Maybe<WalletEntry>;
  /** Reads and enables pagination through a set of `Wallet`. */
  wallets?: Maybe<WalletConnection>;
  /** Get a single `WebhookAttempt`. */
  webhookAttempt?: Maybe<WebhookAttempt>;
  /** Reads a single `WebhookAttempt` using its globally unique `ID`. */
  webhookAttemptById?: Maybe<WebhookAttempt>;
  /** Get a single `WebhookAttempt`. */
  webhookAttemptByTenantIdAndRowId?: Maybe<WebhookAttempt>;
  /** Reads and enables pagination through a set of `WebhookAttempt`. */
  webhookAttempts?: Maybe<WebhookAttemptConnection>;
  /** Reads and enables pagination through a set of `WebhookDelivery`. */
  webhookDeliveries?: Maybe<WebhookDeliveryConnection>;
  /** Get a single `WebhookDelivery`. */
  webhookDelivery?: Maybe<WebhookDelivery>;
  /** Reads a single `WebhookDelivery` using its globally unique `ID`. */
  webhookDeliveryById?: Maybe<WebhookDelivery>;
  /** Get a single `WebhookDelivery`. */
  webhookDeliveryByTenantIdAndEndpointIdAndEventId?: Maybe<WebhookDelivery>;
  /** Get a single `WebhookDelivery`. */
  webhookDeliveryByTenantIdAndRowId?: Maybe<WebhookDelivery>;
  /** Get a single `WebhookEndpoint`. */
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  /** Reads a single `WebhookEndpoint` using its globally unique `ID`. */
  webhookEndpointById?: Maybe<WebhookEndpoint>;
  /** Get a single `WebhookEndpoint`. */
  webhookEndpointByTenantIdAndRowId?: Maybe<WebhookEndpoint>;
  /** Reads and enables pagination through a set of `WebhookEndpoint`. */
  webhookEndpoints?: Maybe<WebhookEndpointConnection>;
};


/** The root query type which gives access points into the data universe. */
export type QueryAddonArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryAddonByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryAddonsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<AddonCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<AddonOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyScopeArgs = {
  permission: Scalars['String']['input'];
  scope: Scalars['String']['input'];
  service: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyScopeByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeyScopesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyScopeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyScopeOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryAuditEntriesArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  actorApiKeyId?: InputMaybe<Scalars['UUID']['input']>;
  actorUserId?: InputMaybe<Scalars['UUID']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  event?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  occurredAfter?: InputMaybe<Scalars['Datetime']['input']>;
  occurredBefore?: InputMaybe<Scalars['Datetime']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  tableName?: InputMaybe<Scalars['String']['input']>;
};


/** The root query type which gives access points into the data universe. */
export type QueryAuditLogArgs = {
  rowId: Scalars['BigInt']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryAuditLogByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryAuditLogByTenantIdAndRowIdArgs = {
  rowId: Scalars['BigInt']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryAuditLogByTenantIdAndSeqArgs = {
  seq: Scalars['BigInt']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryAuditLogsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<AuditLogCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<AuditLogOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryBillingAccountArgs = {
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryBillingAccountByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryBillingAccountsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<BillingAccountCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<BillingAccountOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryBillingUsageArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinOrderArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinOrderByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinOrderByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinOrdersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CoinOrderCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CoinOrderOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinPackArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinPackByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCoinPacksArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CoinPackCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CoinPackOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryCustomDomainArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCustomDomainByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCustomDomainByTenantIdAndHostnameArgs = {
  hostname: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCustomDomainByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryCustomDomainsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CustomDomainCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CustomDomainOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryEventTypeArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryEventTypeByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryEventTypesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<EventTypeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventTypeOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryFileArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryFileByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryFileByTenantIdAndFolderAndNameArgs = {
  folder: Scalars['String']['input'];
  name: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryFileByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryFilesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<FileCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<FileOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvitationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryInvoiceArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvoiceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvoiceByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvoiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvoiceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipByTenantIdAndUserIdArgs = {
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryMeterArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMeterByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryMeterUsageArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** The root query type which gives access points into the data universe. */
export type QueryMetersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MeterCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MeterOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryMyMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** The root query type which gives access points into the data universe. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationByTenantIdAndUserIdAndEventIdArgs = {
  eventId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationPreferenceArgs = {
  channel: Scalars['String']['input'];
  eventType: Scalars['String']['input'];
  userId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationPreferenceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationPreferencesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationPreferenceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<NotificationPreferenceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryNotificationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<NotificationOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPermissionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PermissionCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PermissionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryPlanArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPlanByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPlanSubscriptionArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPlanSubscriptionByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPlanSubscriptionByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPlanSubscriptionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PlanSubscriptionCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PlanSubscriptionOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryPlansArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PlanCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PlanOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryPostArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPostByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPostByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryPostsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PostOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByTenantIdAndKeyArgs = {
  key: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplateArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplateByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplateByRankArgs = {
  rank: Scalars['Int']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryRoleTemplatesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleTemplateCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleTemplateOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryServiceArgs = {
  key: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryServiceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ServiceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryStorageSettingArgs = {
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryStorageSettingByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryStorageSettingsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<StorageSettingCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<StorageSettingOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantAddonArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantAddonByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantAddonByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantAddonByTenantIdAndWalletEntryIdArgs = {
  tenantId: Scalars['UUID']['input'];
  walletEntryId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantAddonsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantAddonCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantAddonOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantBySlugArgs = {
  slug: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantServiceArgs = {
  service: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantServiceByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantServiceOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantSettingArgs = {
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantSettingByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantSettingsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantSettingCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantSettingOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryTenantsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryUserArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserByEmailArgs = {
  email: Scalars['String']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUserByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<UserCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<UserOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletArgs = {
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletEntriesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WalletEntryCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WalletEntryOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletEntryArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletEntryByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletEntryByTenantIdAndIdempotencyKeyArgs = {
  idempotencyKey: Scalars['String']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletEntryByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWalletsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WalletCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WalletOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookAttemptArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookAttemptByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookAttemptByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookAttemptsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookAttemptCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookAttemptOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookDeliveryCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookDeliveryOrderBy>>;
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookDeliveryArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookDeliveryByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookDeliveryByTenantIdAndEndpointIdAndEventIdArgs = {
  endpointId: Scalars['UUID']['input'];
  eventId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookDeliveryByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookEndpointArgs = {
  rowId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookEndpointByIdArgs = {
  id: Scalars['ID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookEndpointByTenantIdAndRowIdArgs = {
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};


/** The root query type which gives access points into the data universe. */
export type QueryWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookEndpointCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookEndpointOrderBy>>;
};

/** All input for the `recheckCustomDomain` mutation. */
export type RecheckCustomDomainInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  customDomainId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `recheckCustomDomain` mutation. */
export type RecheckCustomDomainPayload = {
  __typename?: 'RecheckCustomDomainPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `CustomDomain`. May be used by Relay 1. */
  customDomainEdge?: Maybe<CustomDomainEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CustomDomain>;
};


/** The output of our `recheckCustomDomain` mutation. */
export type RecheckCustomDomainPayloadCustomDomainEdgeArgs = {
  orderBy?: Array<CustomDomainOrderBy>;
};

/** All input for the `removeMember` mutation. */
export type RemoveMemberInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  membershipId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `removeMember` mutation. */
export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `removeMember` mutation. */
export type RemoveMemberPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `replayFailedWebhookDeliveries` mutation. */
export type ReplayFailedWebhookDeliveriesInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  endpointId?: InputMaybe<Scalars['UUID']['input']>;
  since?: InputMaybe<Scalars['Datetime']['input']>;
};

/** The output of our `replayFailedWebhookDeliveries` mutation. */
export type ReplayFailedWebhookDeliveriesPayload = {
  __typename?: 'ReplayFailedWebhookDeliveriesPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Scalars['Int']['output']>;
};

/** All input for the `replayWebhookDelivery` mutation. */
export type ReplayWebhookDeliveryInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  deliveryId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `replayWebhookDelivery` mutation. */
export type ReplayWebhookDeliveryPayload = {
  __typename?: 'ReplayWebhookDeliveryPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<WebhookDelivery>;
  /** An edge for our `WebhookDelivery`. May be used by Relay 1. */
  webhookDeliveryEdge?: Maybe<WebhookDeliveryEdge>;
};


/** The output of our `replayWebhookDelivery` mutation. */
export type ReplayWebhookDeliveryPayloadWebhookDeliveryEdgeArgs = {
  orderBy?: Array<WebhookDeliveryOrderBy>;
};

/** All input for the `revokeApiKey` mutation. */
export type RevokeApiKeyInput = {
  apiKeyId?: InputMaybe<Scalars['UUID']['input']>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `revokeApiKey` mutation. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** An edge for our `ApiKey`. May be used by Relay 1. */
  apiKeyEdge?: Maybe<ApiKeyEdge>;
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<ApiKey>;
};


/** The output of our `revokeApiKey` mutation. */
export type RevokeApiKeyPayloadApiKeyEdgeArgs = {
  orderBy?: Array<ApiKeyOrderBy>;
};

/** All input for the `revokeInvitation` mutation. */
export type RevokeInvitationInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  invitationId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `revokeInvitation` mutation. */
export type RevokeInvitationPayload = {
  __typename?: 'RevokeInvitationPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Invitation`. May be used by Relay 1. */
  invitationEdge?: Maybe<InvitationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Invitation>;
};


/** The output of our `revokeInvitation` mutation. */
export type RevokeInvitationPayloadInvitationEdgeArgs = {
  orderBy?: Array<InvitationOrderBy>;
};

/** A custom role of this workspace: a named set of permissions members can be given. */
export type Role = Node & {
  __typename?: 'Role';
  createdAt: Scalars['Datetime']['output'];
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  name: Scalars['String']['output'];
  permissions: Array<Maybe<Scalars['String']['output']>>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `Role`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/** A condition to be used against `Role` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type RoleCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Role` values. */
export type RoleConnection = {
  __typename?: 'RoleConnection';
  /** A list of edges which contains the `Role` and cursor to aid in pagination. */
  edges: Array<Maybe<RoleEdge>>;
  /** A list of `Role` objects. */
  nodes: Array<Maybe<Role>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Role` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Role` edge in the connection. */
export type RoleEdge = {
  __typename?: 'RoleEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Role` at the end of the edge. */
  node?: Maybe<Role>;
};

/** An input for mutations affecting `Role` */
export type RoleInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  name: Scalars['String']['input'];
  permissions?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
};

/** Methods to use when ordering `Role`. */
export type RoleOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `Role`. Fields that are set will be updated. */
export type RolePatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  permissions?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
};

/** Built-in roles (owner, admin, member) and the permissions each grants. */
export type RoleTemplate = Node & {
  __typename?: 'RoleTemplate';
  description: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `Membership`. */
  membershipsByRole: MembershipConnection;
  name: Scalars['String']['output'];
  permissions: Array<Maybe<Scalars['String']['output']>>;
  /** Higher ranks outrank lower ones (owner 100, admin 50, member 10). */
  rank: Scalars['Int']['output'];
};


/** Built-in roles (owner, admin, member) and the permissions each grants. */
export type RoleTemplateMembershipsByRoleArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};

/**
 * A condition to be used against `RoleTemplate` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type RoleTemplateCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rank` field. */
  rank?: InputMaybe<Scalars['Int']['input']>;
};

/** A connection to a list of `RoleTemplate` values. */
export type RoleTemplateConnection = {
  __typename?: 'RoleTemplateConnection';
  /** A list of edges which contains the `RoleTemplate` and cursor to aid in pagination. */
  edges: Array<Maybe<RoleTemplateEdge>>;
  /** A list of `RoleTemplate` objects. */
  nodes: Array<Maybe<RoleTemplate>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `RoleTemplate` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `RoleTemplate` edge in the connection. */
export type RoleTemplateEdge = {
  __typename?: 'RoleTemplateEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `RoleTemplate` at the end of the edge. */
  node?: Maybe<RoleTemplate>;
};

/** Methods to use when ordering `RoleTemplate`. */
export type RoleTemplateOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'RANK_ASC'
  | 'RANK_DESC';

/** All input for the `rollApiKey` mutation. */
export type RollApiKeyInput = {
  apiKeyId?: InputMaybe<Scalars['UUID']['input']>;
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `rollApiKey` mutation. */
export type RollApiKeyPayload = {
  __typename?: 'RollApiKeyPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedApiKey>;
};

/** All input for the `rotateWebhookSecret` mutation. */
export type RotateWebhookSecretInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  endpointId?: InputMaybe<Scalars['UUID']['input']>;
  overlapSeconds?: InputMaybe<Scalars['Int']['input']>;
};

/** The output of our `rotateWebhookSecret` mutation. */
export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<CreatedWebhookEndpoint>;
};

/** All input for the `sendTestWebhook` mutation. */
export type SendTestWebhookInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  endpointId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `sendTestWebhook` mutation. */
export type SendTestWebhookPayload = {
  __typename?: 'SendTestWebhookPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<WebhookDelivery>;
  /** An edge for our `WebhookDelivery`. May be used by Relay 1. */
  webhookDeliveryEdge?: Maybe<WebhookDeliveryEdge>;
};


/** The output of our `sendTestWebhook` mutation. */
export type SendTestWebhookPayloadWebhookDeliveryEdgeArgs = {
  orderBy?: Array<WebhookDeliveryOrderBy>;
};

/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type Service = Node & {
  __typename?: 'Service';
  /** Reads and enables pagination through a set of `ApiKeyScope`. */
  apiKeyScopesByService: ApiKeyScopeConnection;
  defaultEnabled: Scalars['Boolean']['output'];
  defaultLimits: Scalars['JSON']['output'];
  description: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `EventType`. */
  eventTypesByPublishedBy: EventTypeConnection;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `Meter`. */
  metersByService: MeterConnection;
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `TenantService`. */
  tenantServicesByService: TenantServiceConnection;
};


/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type ServiceApiKeyScopesByServiceArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyScopeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyScopeOrderBy>>;
};


/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type ServiceEventTypesByPublishedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<EventTypeCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<EventTypeOrderBy>>;
};


/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type ServiceMetersByServiceArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MeterCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MeterOrderBy>>;
};


/** Products a workspace can be entitled to; permission strings start with a service key (`blog:posts.read`). */
export type ServiceTenantServicesByServiceArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantServiceOrderBy>>;
};

/** A condition to be used against `Service` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type ServiceCondition = {
  /** Checks for equality with the object’s `key` field. */
  key?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Service` values. */
export type ServiceConnection = {
  __typename?: 'ServiceConnection';
  /** A list of edges which contains the `Service` and cursor to aid in pagination. */
  edges: Array<Maybe<ServiceEdge>>;
  /** A list of `Service` objects. */
  nodes: Array<Maybe<Service>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Service` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Service` edge in the connection. */
export type ServiceEdge = {
  __typename?: 'ServiceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Service` at the end of the edge. */
  node?: Maybe<Service>;
};

/** Methods to use when ordering `Service`. */
export type ServiceOrderBy =
  | 'KEY_ASC'
  | 'KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC';

export type StartCheckoutInput = {
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** monthly or yearly. */
  interval?: Scalars['String']['input'];
  /** The plan's key (see `plans`). */
  plan: Scalars['String']['input'];
};

export type StartCheckoutPayload = {
  __typename?: 'StartCheckoutPayload';
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The provider's public key id, for the checkout widget. */
  keyId?: Maybe<Scalars['String']['output']>;
  /** The local subscription row (`planSubscriptions`); it becomes active when the provider confirms the first payment. */
  planSubscriptionId: Scalars['UUID']['output'];
  /** The provider's hosted payment page, if it has one. */
  shortUrl?: Maybe<Scalars['String']['output']>;
  /** The provider's subscription id, for the checkout widget. */
  subscriptionId: Scalars['String']['output'];
};

/** Upload rules of the workspace: the largest file and the allowed content types (sniffed from the bytes). No row: the server's defaults. */
export type StorageSetting = Node & {
  __typename?: 'StorageSetting';
  /** Allowed MIME types, exact (`application/pdf`) or by family (`image/*`); empty = any type. */
  allowedTypes: Array<Maybe<Scalars['String']['output']>>;
  /** When the rules were first set. */
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** The largest file accepted, in bytes; null = the server's STORAGE_MAX_FILE_BYTES. */
  maxFileBytes?: Maybe<Scalars['BigInt']['output']>;
  /** Reads a single `Tenant` that is related to this `StorageSetting`. */
  tenant?: Maybe<Tenant>;
  /** The workspace these rules apply to. */
  tenantId: Scalars['UUID']['output'];
  /** When the rules last changed. */
  updatedAt: Scalars['Datetime']['output'];
};

/**
 * A condition to be used against `StorageSetting` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type StorageSettingCondition = {
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `StorageSetting` values. */
export type StorageSettingConnection = {
  __typename?: 'StorageSettingConnection';
  /** A list of edges which contains the `StorageSetting` and cursor to aid in pagination. */
  edges: Array<Maybe<StorageSettingEdge>>;
  /** A list of `StorageSetting` objects. */
  nodes: Array<Maybe<StorageSetting>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `StorageSetting` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `StorageSetting` edge in the connection. */
export type StorageSettingEdge = {
  __typename?: 'StorageSettingEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `StorageSetting` at the end of the edge. */
  node?: Maybe<StorageSetting>;
};

/** An input for mutations affecting `StorageSetting` */
export type StorageSettingInput = {
  /** Allowed MIME types, exact (`application/pdf`) or by family (`image/*`); empty = any type. */
  allowedTypes?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /** The largest file accepted, in bytes; null = the server's STORAGE_MAX_FILE_BYTES. */
  maxFileBytes?: InputMaybe<Scalars['BigInt']['input']>;
};

/** Methods to use when ordering `StorageSetting`. */
export type StorageSettingOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `StorageSetting`. Fields that are set will be updated. */
export type StorageSettingPatch = {
  /** Allowed MIME types, exact (`application/pdf`) or by family (`image/*`); empty = any type. */
  allowedTypes?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /** The largest file accepted, in bytes; null = the server's STORAGE_MAX_FILE_BYTES. */
  maxFileBytes?: InputMaybe<Scalars['BigInt']['input']>;
};

/** All input for the `submitContactMessage` mutation. */
export type SubmitContactMessageInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  message?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The output of our `submitContactMessage` mutation. */
export type SubmitContactMessagePayload = {
  __typename?: 'SubmitContactMessagePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Scalars['Boolean']['output']>;
};

/** The root subscription type: contains realtime events you can subscribe to with the `subscription` operation. */
export type Subscription = {
  __typename?: 'Subscription';
  /** Your new in-app notifications in the active workspace (the workspace and user come from the access token sent in connection_init). */
  notificationAdded?: Maybe<Notification>;
  /** Domain events of the active workspace as they are recorded. Needs `events:read` (owners and admins). */
  workspaceEvent?: Maybe<WorkspaceEvent>;
};

/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type Tenant = Node & {
  __typename?: 'Tenant';
  /** Reads and enables pagination through a set of `ApiKey`. */
  apiKeys: ApiKeyConnection;
  /** Reads a single `BillingAccount` that is related to this `Tenant`. */
  billingAccount?: Maybe<BillingAccount>;
  /** Reads and enables pagination through a set of `CoinOrder`. */
  coinOrders: CoinOrderConnection;
  createdAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `CustomDomain`. */
  customDomains: CustomDomainConnection;
  /** Reads and enables pagination through a set of `File`. */
  files: FileConnection;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Invitation`. */
  invitations: InvitationConnection;
  /** Reads and enables pagination through a set of `Invoice`. */
  invoices: InvoiceConnection;
  /** Reads and enables pagination through a set of `Membership`. */
  memberships: MembershipConnection;
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `Notification`. */
  notifications: NotificationConnection;
  /** Reads and enables pagination through a set of `PlanSubscription`. */
  planSubscriptions: PlanSubscriptionConnection;
  /** Reads and enables pagination through a set of `Post`. */
  posts: PostConnection;
  /** Reads and enables pagination through a set of `Role`. */
  roles: RoleConnection;
  rowId: Scalars['UUID']['output'];
  slug: Scalars['String']['output'];
  /** Reads a single `StorageSetting` that is related to this `Tenant`. */
  storageSetting?: Maybe<StorageSetting>;
  /** Reads and enables pagination through a set of `TenantAddon`. */
  tenantAddons: TenantAddonConnection;
  /** Reads and enables pagination through a set of `TenantService`. */
  tenantServices: TenantServiceConnection;
  /** Reads a single `TenantSetting` that is related to this `Tenant`. */
  tenantSetting?: Maybe<TenantSetting>;
  updatedAt: Scalars['Datetime']['output'];
  /** Reads a single `Wallet` that is related to this `Tenant`. */
  wallet?: Maybe<Wallet>;
  /** Reads and enables pagination through a set of `WebhookAttempt`. */
  webhookAttempts: WebhookAttemptConnection;
  /** Reads and enables pagination through a set of `WebhookDelivery`. */
  webhookDeliveries: WebhookDeliveryConnection;
  /** Reads and enables pagination through a set of `WebhookEndpoint`. */
  webhookEndpoints: WebhookEndpointConnection;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantApiKeysArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<ApiKeyCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<ApiKeyOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantCoinOrdersArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CoinOrderCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CoinOrderOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantCustomDomainsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CustomDomainCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CustomDomainOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantFilesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<FileCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<FileOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantInvitationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantInvoicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvoiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvoiceOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantNotificationsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<NotificationOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantPlanSubscriptionsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PlanSubscriptionCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PlanSubscriptionOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantPostsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<PostOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantRolesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<RoleCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<RoleOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantTenantAddonsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantAddonCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantAddonOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantTenantServicesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<TenantServiceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<TenantServiceOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantWebhookAttemptsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookAttemptCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookAttemptOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantWebhookDeliveriesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookDeliveryCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookDeliveryOrderBy>>;
};


/** A workspace: the unit of isolation. Every tenant-owned row carries its id. */
export type TenantWebhookEndpointsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookEndpointCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookEndpointOrderBy>>;
};

/** Add-ons the workspace bought with coins. */
export type TenantAddon = Node & {
  __typename?: 'TenantAddon';
  activatedAt: Scalars['Datetime']['output'];
  addon: Scalars['String']['output'];
  /** Reads a single `Addon` that is related to this `TenantAddon`. */
  addonByAddon?: Maybe<Addon>;
  cancelledAt?: Maybe<Scalars['Datetime']['output']>;
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  rowId: Scalars['UUID']['output'];
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `TenantAddon`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** Reads a single `WalletEntry` that is related to this `TenantAddon`. */
  tenantWalletEntry?: Maybe<WalletEntry>;
  updatedAt: Scalars['Datetime']['output'];
  walletEntryId: Scalars['UUID']['output'];
};

/**
 * A condition to be used against `TenantAddon` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type TenantAddonCondition = {
  /** Checks for equality with the object’s `addon` field. */
  addon?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `walletEntryId` field. */
  walletEntryId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `TenantAddon` values. */
export type TenantAddonConnection = {
  __typename?: 'TenantAddonConnection';
  /** A list of edges which contains the `TenantAddon` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantAddonEdge>>;
  /** A list of `TenantAddon` objects. */
  nodes: Array<Maybe<TenantAddon>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `TenantAddon` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `TenantAddon` edge in the connection. */
export type TenantAddonEdge = {
  __typename?: 'TenantAddonEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `TenantAddon` at the end of the edge. */
  node?: Maybe<TenantAddon>;
};

/** Methods to use when ordering `TenantAddon`. */
export type TenantAddonOrderBy =
  | 'ADDON_ASC'
  | 'ADDON_DESC'
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC'
  | 'WALLET_ENTRY_ID_ASC'
  | 'WALLET_ENTRY_ID_DESC';

/** A condition to be used against `Tenant` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type TenantCondition = {
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `slug` field. */
  slug?: InputMaybe<Scalars['String']['input']>;
};

/** A connection to a list of `Tenant` values. */
export type TenantConnection = {
  __typename?: 'TenantConnection';
  /** A list of edges which contains the `Tenant` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantEdge>>;
  /** A list of `Tenant` objects. */
  nodes: Array<Maybe<Tenant>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Tenant` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Tenant` edge in the connection. */
export type TenantEdge = {
  __typename?: 'TenantEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Tenant` at the end of the edge. */
  node?: Maybe<Tenant>;
};

/** Methods to use when ordering `Tenant`. */
export type TenantOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'SLUG_ASC'
  | 'SLUG_DESC';

/** Represents an update to a `Tenant`. Fields that are set will be updated. */
export type TenantPatch = {
  name?: InputMaybe<Scalars['String']['input']>;
};

/** What this workspace is entitled to: each service, whether it is on, and its limits (rebuilt by billing). */
export type TenantService = Node & {
  __typename?: 'TenantService';
  createdAt: Scalars['Datetime']['output'];
  enabled: Scalars['Boolean']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  limits: Scalars['JSON']['output'];
  service: Scalars['String']['output'];
  /** Reads a single `Service` that is related to this `TenantService`. */
  serviceByService?: Maybe<Service>;
  /** Reads a single `Tenant` that is related to this `TenantService`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};

/**
 * A condition to be used against `TenantService` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type TenantServiceCondition = {
  /** Checks for equality with the object’s `service` field. */
  service?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `TenantService` values. */
export type TenantServiceConnection = {
  __typename?: 'TenantServiceConnection';
  /** A list of edges which contains the `TenantService` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantServiceEdge>>;
  /** A list of `TenantService` objects. */
  nodes: Array<Maybe<TenantService>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `TenantService` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `TenantService` edge in the connection. */
export type TenantServiceEdge = {
  __typename?: 'TenantServiceEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `TenantService` at the end of the edge. */
  node?: Maybe<TenantService>;
};

/** Methods to use when ordering `TenantService`. */
export type TenantServiceOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'SERVICE_ASC'
  | 'SERVICE_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Branding and regional settings of a workspace. */
export type TenantSetting = Node & {
  __typename?: 'TenantSetting';
  createdAt: Scalars['Datetime']['output'];
  displayName?: Maybe<Scalars['String']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** BCP 47 language tag, e.g. `en-IN`. */
  locale: Scalars['String']['output'];
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** Free-form JSON object for the workspace's own settings, at most 16 KiB. */
  preferences: Scalars['JSON']['output'];
  primaryColor?: Maybe<Scalars['String']['output']>;
  /** Reads a single `Tenant` that is related to this `TenantSetting`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  /** IANA time zone name, e.g. `Asia/Kolkata`. */
  timezone: Scalars['String']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** First day of the week: 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
  weekStart: Scalars['Int']['output'];
};

/**
 * A condition to be used against `TenantSetting` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type TenantSettingCondition = {
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `TenantSetting` values. */
export type TenantSettingConnection = {
  __typename?: 'TenantSettingConnection';
  /** A list of edges which contains the `TenantSetting` and cursor to aid in pagination. */
  edges: Array<Maybe<TenantSettingEdge>>;
  /** A list of `TenantSetting` objects. */
  nodes: Array<Maybe<TenantSetting>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `TenantSetting` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `TenantSetting` edge in the connection. */
export type TenantSettingEdge = {
  __typename?: 'TenantSettingEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `TenantSetting` at the end of the edge. */
  node?: Maybe<TenantSetting>;
};

/** Methods to use when ordering `TenantSetting`. */
export type TenantSettingOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `TenantSetting`. Fields that are set will be updated. */
export type TenantSettingPatch = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** BCP 47 language tag, e.g. `en-IN`. */
  locale?: InputMaybe<Scalars['String']['input']>;
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  /** Free-form JSON object for the workspace's own settings, at most 16 KiB. */
  preferences?: InputMaybe<Scalars['JSON']['input']>;
  primaryColor?: InputMaybe<Scalars['String']['input']>;
  /** IANA time zone name, e.g. `Asia/Kolkata`. */
  timezone?: InputMaybe<Scalars['String']['input']>;
  /** First day of the week: 0 = Sunday, 1 = Monday, ... 6 = Saturday. */
  weekStart?: InputMaybe<Scalars['Int']['input']>;
};

/** All input for the `transferOwnership` mutation. */
export type TransferOwnershipInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  membershipId?: InputMaybe<Scalars['UUID']['input']>;
};

/** The output of our `transferOwnership` mutation. */
export type TransferOwnershipPayload = {
  __typename?: 'TransferOwnershipPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** An edge for our `Membership`. May be used by Relay 1. */
  membershipEdge?: Maybe<MembershipEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  result?: Maybe<Membership>;
};


/** The output of our `transferOwnership` mutation. */
export type TransferOwnershipPayloadMembershipEdgeArgs = {
  orderBy?: Array<MembershipOrderBy>;
};

/** All input for the `updateApiKeyById` mutation. */
export type UpdateApiKeyByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `ApiKey` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `ApiKey` being updated. */
  patch: ApiKeyPatch;
};

/** All input for the `updateApiKeyByTenantIdAndRowId` mutation. */
export type UpdateApiKeyByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `ApiKey` being updated. */
  patch: ApiKeyPatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateApiKey` mutation. */
export type UpdateApiKeyInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `ApiKey` being updated. */
  patch: ApiKeyPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `ApiKey` mutation. */
export type UpdateApiKeyPayload = {
  __typename?: 'UpdateApiKeyPayload';
  /** The `ApiKey` that was updated by this mutation. */
  apiKey?: Maybe<ApiKey>;
  /** An edge for our `ApiKey`. May be used by Relay 1. */
  apiKeyEdge?: Maybe<ApiKeyEdge>;
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `ApiKey` mutation. */
export type UpdateApiKeyPayloadApiKeyEdgeArgs = {
  orderBy?: Array<ApiKeyOrderBy>;
};

/** All input for the `updateFileById` mutation. */
export type UpdateFileByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `File` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `File` being updated. */
  patch: FilePatch;
};

/** All input for the `updateFileByTenantIdAndFolderAndName` mutation. */
export type UpdateFileByTenantIdAndFolderAndNameInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** A folder path such as `invoices/2026` (segments of letters, digits, `.`, `_`, `-`, never starting with `.`); empty for the top level. */
  folder: Scalars['String']['input'];
  /** The file name shown and offered for download; 1 to 255 characters, no `/`, `\` or control characters, not `.` or `..`. */
  name: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `File` being updated. */
  patch: FilePatch;
  /** The workspace that owns the file. */
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateFileByTenantIdAndRowId` mutation. */
export type UpdateFileByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `File` being updated. */
  patch: FilePatch;
  /** The file's id; also the last part of its storage key. */
  rowId: Scalars['UUID']['input'];
  /** The workspace that owns the file. */
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateFile` mutation. */
export type UpdateFileInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `File` being updated. */
  patch: FilePatch;
  /** The file's id; also the last part of its storage key. */
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `File` mutation. */
export type UpdateFilePayload = {
  __typename?: 'UpdateFilePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `File` that was updated by this mutation. */
  file?: Maybe<File>;
  /** An edge for our `File`. May be used by Relay 1. */
  fileEdge?: Maybe<FileEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `File` mutation. */
export type UpdateFilePayloadFileEdgeArgs = {
  orderBy?: Array<FileOrderBy>;
};

/** All input for the `updateNotificationById` mutation. */
export type UpdateNotificationByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Notification` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Notification` being updated. */
  patch: NotificationPatch;
};

/** All input for the `updateNotificationByTenantIdAndRowId` mutation. */
export type UpdateNotificationByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Notification` being updated. */
  patch: NotificationPatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateNotificationByTenantIdAndUserIdAndEventId` mutation. */
export type UpdateNotificationByTenantIdAndUserIdAndEventIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  eventId: Scalars['UUID']['input'];
  /** An object where the defined keys will be set on the `Notification` being updated. */
  patch: NotificationPatch;
  tenantId: Scalars['UUID']['input'];
  userId: Scalars['UUID']['input'];
};

/** All input for the `updateNotification` mutation. */
export type UpdateNotificationInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Notification` being updated. */
  patch: NotificationPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Notification` mutation. */
export type UpdateNotificationPayload = {
  __typename?: 'UpdateNotificationPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Notification` that was updated by this mutation. */
  notification?: Maybe<Notification>;
  /** An edge for our `Notification`. May be used by Relay 1. */
  notificationEdge?: Maybe<NotificationEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `Notification` mutation. */
export type UpdateNotificationPayloadNotificationEdgeArgs = {
  orderBy?: Array<NotificationOrderBy>;
};

/** All input for the `updateNotificationPreferenceById` mutation. */
export type UpdateNotificationPreferenceByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `NotificationPreference` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `NotificationPreference` being updated. */
  patch: NotificationPreferencePatch;
};

/** All input for the `updateNotificationPreference` mutation. */
export type UpdateNotificationPreferenceInput = {
  channel: Scalars['String']['input'];
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  eventType: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `NotificationPreference` being updated. */
  patch: NotificationPreferencePatch;
  userId: Scalars['UUID']['input'];
};

/** The output of our update `NotificationPreference` mutation. */
export type UpdateNotificationPreferencePayload = {
  __typename?: 'UpdateNotificationPreferencePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `NotificationPreference` that was updated by this mutation. */
  notificationPreference?: Maybe<NotificationPreference>;
  /** An edge for our `NotificationPreference`. May be used by Relay 1. */
  notificationPreferenceEdge?: Maybe<NotificationPreferenceEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `NotificationPreference` mutation. */
export type UpdateNotificationPreferencePayloadNotificationPreferenceEdgeArgs = {
  orderBy?: Array<NotificationPreferenceOrderBy>;
};

/** All input for the `updatePostById` mutation. */
export type UpdatePostByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Post` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Post` being updated. */
  patch: PostPatch;
};

/** All input for the `updatePostByTenantIdAndRowId` mutation. */
export type UpdatePostByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Post` being updated. */
  patch: PostPatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updatePost` mutation. */
export type UpdatePostInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Post` being updated. */
  patch: PostPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Post` mutation. */
export type UpdatePostPayload = {
  __typename?: 'UpdatePostPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** The `Post` that was updated by this mutation. */
  post?: Maybe<Post>;
  /** An edge for our `Post`. May be used by Relay 1. */
  postEdge?: Maybe<PostEdge>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
};


/** The output of our update `Post` mutation. */
export type UpdatePostPayloadPostEdgeArgs = {
  orderBy?: Array<PostOrderBy>;
};

/** All input for the `updateRoleById` mutation. */
export type UpdateRoleByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Role` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
};

/** All input for the `updateRoleByTenantIdAndKey` mutation. */
export type UpdateRoleByTenantIdAndKeyInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  key: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateRoleByTenantIdAndRowId` mutation. */
export type UpdateRoleByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateRole` mutation. */
export type UpdateRoleInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Role` being updated. */
  patch: RolePatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Role` mutation. */
export type UpdateRolePayload = {
  __typename?: 'UpdateRolePayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Role` that was updated by this mutation. */
  role?: Maybe<Role>;
  /** An edge for our `Role`. May be used by Relay 1. */
  roleEdge?: Maybe<RoleEdge>;
};


/** The output of our update `Role` mutation. */
export type UpdateRolePayloadRoleEdgeArgs = {
  orderBy?: Array<RoleOrderBy>;
};

/** All input for the `updateStorageSettingById` mutation. */
export type UpdateStorageSettingByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `StorageSetting` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `StorageSetting` being updated. */
  patch: StorageSettingPatch;
};

/** All input for the `updateStorageSetting` mutation. */
export type UpdateStorageSettingInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `StorageSetting` being updated. */
  patch: StorageSettingPatch;
  /** The workspace these rules apply to. */
  tenantId: Scalars['UUID']['input'];
};

/** The output of our update `StorageSetting` mutation. */
export type UpdateStorageSettingPayload = {
  __typename?: 'UpdateStorageSettingPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `StorageSetting` that was updated by this mutation. */
  storageSetting?: Maybe<StorageSetting>;
  /** An edge for our `StorageSetting`. May be used by Relay 1. */
  storageSettingEdge?: Maybe<StorageSettingEdge>;
};


/** The output of our update `StorageSetting` mutation. */
export type UpdateStorageSettingPayloadStorageSettingEdgeArgs = {
  orderBy?: Array<StorageSettingOrderBy>;
};

/** All input for the `updateTenantById` mutation. */
export type UpdateTenantByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `Tenant` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
};

/** All input for the `updateTenantBySlug` mutation. */
export type UpdateTenantBySlugInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
  slug: Scalars['String']['input'];
};

/** All input for the `updateTenant` mutation. */
export type UpdateTenantInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `Tenant` being updated. */
  patch: TenantPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `Tenant` mutation. */
export type UpdateTenantPayload = {
  __typename?: 'UpdateTenantPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `Tenant` that was updated by this mutation. */
  tenant?: Maybe<Tenant>;
  /** An edge for our `Tenant`. May be used by Relay 1. */
  tenantEdge?: Maybe<TenantEdge>;
};


/** The output of our update `Tenant` mutation. */
export type UpdateTenantPayloadTenantEdgeArgs = {
  orderBy?: Array<TenantOrderBy>;
};

/** All input for the `updateTenantSettingById` mutation. */
export type UpdateTenantSettingByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `TenantSetting` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `TenantSetting` being updated. */
  patch: TenantSettingPatch;
};

/** All input for the `updateTenantSetting` mutation. */
export type UpdateTenantSettingInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `TenantSetting` being updated. */
  patch: TenantSettingPatch;
  tenantId: Scalars['UUID']['input'];
};

/** The output of our update `TenantSetting` mutation. */
export type UpdateTenantSettingPayload = {
  __typename?: 'UpdateTenantSettingPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `TenantSetting` that was updated by this mutation. */
  tenantSetting?: Maybe<TenantSetting>;
  /** An edge for our `TenantSetting`. May be used by Relay 1. */
  tenantSettingEdge?: Maybe<TenantSettingEdge>;
};


/** The output of our update `TenantSetting` mutation. */
export type UpdateTenantSettingPayloadTenantSettingEdgeArgs = {
  orderBy?: Array<TenantSettingOrderBy>;
};

/** All input for the `updateUserByEmail` mutation. */
export type UpdateUserByEmailInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  email: Scalars['String']['input'];
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
};

/** All input for the `updateUserById` mutation. */
export type UpdateUserByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `User` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
};

/** All input for the `updateUser` mutation. */
export type UpdateUserInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `User` being updated. */
  patch: UserPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `User` mutation. */
export type UpdateUserPayload = {
  __typename?: 'UpdateUserPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `User` that was updated by this mutation. */
  user?: Maybe<User>;
  /** An edge for our `User`. May be used by Relay 1. */
  userEdge?: Maybe<UserEdge>;
};


/** The output of our update `User` mutation. */
export type UpdateUserPayloadUserEdgeArgs = {
  orderBy?: Array<UserOrderBy>;
};

/** All input for the `updateWebhookEndpointById` mutation. */
export type UpdateWebhookEndpointByIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** The globally unique `ID` which will identify a single `WebhookEndpoint` to be updated. */
  id: Scalars['ID']['input'];
  /** An object where the defined keys will be set on the `WebhookEndpoint` being updated. */
  patch: WebhookEndpointPatch;
};

/** All input for the `updateWebhookEndpointByTenantIdAndRowId` mutation. */
export type UpdateWebhookEndpointByTenantIdAndRowIdInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `WebhookEndpoint` being updated. */
  patch: WebhookEndpointPatch;
  rowId: Scalars['UUID']['input'];
  tenantId: Scalars['UUID']['input'];
};

/** All input for the `updateWebhookEndpoint` mutation. */
export type UpdateWebhookEndpointInput = {
  /**
   * An arbitrary string value with no semantic meaning. Will be included in the
   * payload verbatim. May be used to track mutations by the client.
   */
  clientMutationId?: InputMaybe<Scalars['String']['input']>;
  /** An object where the defined keys will be set on the `WebhookEndpoint` being updated. */
  patch: WebhookEndpointPatch;
  rowId: Scalars['UUID']['input'];
};

/** The output of our update `WebhookEndpoint` mutation. */
export type UpdateWebhookEndpointPayload = {
  __typename?: 'UpdateWebhookEndpointPayload';
  /**
   * The exact same `clientMutationId` that was provided in the mutation input,
   * unchanged and unused. May be used by a client to track mutations.
   */
  clientMutationId?: Maybe<Scalars['String']['output']>;
  /** Our root query field type. Allows us to run any query from our mutation payload. */
  query?: Maybe<Query>;
  /** The `WebhookEndpoint` that was updated by this mutation. */
  webhookEndpoint?: Maybe<WebhookEndpoint>;
  /** An edge for our `WebhookEndpoint`. May be used by Relay 1. */
  webhookEndpointEdge?: Maybe<WebhookEndpointEdge>;
};


/** The output of our update `WebhookEndpoint` mutation. */
export type UpdateWebhookEndpointPayloadWebhookEndpointEdgeArgs = {
  orderBy?: Array<WebhookEndpointOrderBy>;
};

/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type User = Node & {
  __typename?: 'User';
  avatarUrl?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['Datetime']['output'];
  email: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads and enables pagination through a set of `Invitation`. */
  invitationsByAcceptedBy: InvitationConnection;
  /** Reads and enables pagination through a set of `Invitation`. */
  invitationsByInvitedBy: InvitationConnection;
  /** True once the user has proven they control their email address. */
  isVerified: Scalars['Boolean']['output'];
  /** Reads and enables pagination through a set of `Membership`. */
  memberships: MembershipConnection;
  /** Whether two-factor authentication (an authenticator app) is on for this account; only for your own user, NULL for anyone else. Turn it on with POST /auth/mfa/totp/enroll and confirm, off with POST /auth/mfa/totp/disable. */
  mfaEnabled?: Maybe<Scalars['Boolean']['output']>;
  name: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `NotificationPreference`. */
  notificationPreferences: NotificationPreferenceConnection;
  rowId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserInvitationsByAcceptedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserInvitationsByInvitedByArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<InvitationCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<InvitationOrderBy>>;
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserMembershipsArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<MembershipCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<MembershipOrderBy>>;
};


/** A person who can sign in. Visible to themselves and to members of their active workspace. */
export type UserNotificationPreferencesArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationPreferenceCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<NotificationPreferenceOrderBy>>;
};

/** A condition to be used against `User` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type UserCondition = {
  /** Checks for equality with the object’s `email` field. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `User` values. */
export type UserConnection = {
  __typename?: 'UserConnection';
  /** A list of edges which contains the `User` and cursor to aid in pagination. */
  edges: Array<Maybe<UserEdge>>;
  /** A list of `User` objects. */
  nodes: Array<Maybe<User>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `User` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `User` edge in the connection. */
export type UserEdge = {
  __typename?: 'UserEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `User` at the end of the edge. */
  node?: Maybe<User>;
};

/** Methods to use when ordering `User`. */
export type UserOrderBy =
  | 'EMAIL_ASC'
  | 'EMAIL_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC';

/** Represents an update to a `User`. Fields that are set will be updated. */
export type UserPatch = {
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The workspace's coin wallet. */
export type Wallet = Node & {
  __typename?: 'Wallet';
  /** Coins available; never negative, always the sum of the ledger entries. */
  balance: Scalars['BigInt']['output'];
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Reads a single `Tenant` that is related to this `Wallet`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `WalletEntry`. */
  walletEntriesByTenantId: WalletEntryConnection;
};


/** The workspace's coin wallet. */
export type WalletWalletEntriesByTenantIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WalletEntryCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WalletEntryOrderBy>>;
};

/** A condition to be used against `Wallet` object types. All fields are tested for equality and combined with a logical ‘and.’ */
export type WalletCondition = {
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `Wallet` values. */
export type WalletConnection = {
  __typename?: 'WalletConnection';
  /** A list of edges which contains the `Wallet` and cursor to aid in pagination. */
  edges: Array<Maybe<WalletEdge>>;
  /** A list of `Wallet` objects. */
  nodes: Array<Maybe<Wallet>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `Wallet` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `Wallet` edge in the connection. */
export type WalletEdge = {
  __typename?: 'WalletEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `Wallet` at the end of the edge. */
  node?: Maybe<Wallet>;
};

/** The wallet ledger: one entry per credit or debit, never changed afterwards. */
export type WalletEntry = Node & {
  __typename?: 'WalletEntry';
  /** Coins added (positive: purchase, grant, refund) or removed (negative: spend, expiry). */
  amount: Scalars['BigInt']['output'];
  balanceAfter: Scalars['BigInt']['output'];
  /** Reads and enables pagination through a set of `CoinOrder`. */
  coinOrdersByTenantIdAndWalletEntryId: CoinOrderConnection;
  createdAt: Scalars['Datetime']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** One entry per key and workspace: repeating a credit or debit with the same key has no second effect. */
  idempotencyKey: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  reference: Scalars['String']['output'];
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Wallet` that is related to this `WalletEntry`. */
  tenant?: Maybe<Wallet>;
  /** Reads a single `TenantAddon` that is related to this `WalletEntry`. */
  tenantAddonByTenantIdAndWalletEntryId?: Maybe<TenantAddon>;
  tenantId: Scalars['UUID']['output'];
};


/** The wallet ledger: one entry per credit or debit, never changed afterwards. */
export type WalletEntryCoinOrdersByTenantIdAndWalletEntryIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<CoinOrderCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<CoinOrderOrderBy>>;
};

/**
 * A condition to be used against `WalletEntry` object types. All fields are tested
 * for equality and combined with a logical ‘and.’
 */
export type WalletEntryCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `idempotencyKey` field. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `WalletEntry` values. */
export type WalletEntryConnection = {
  __typename?: 'WalletEntryConnection';
  /** A list of edges which contains the `WalletEntry` and cursor to aid in pagination. */
  edges: Array<Maybe<WalletEntryEdge>>;
  /** A list of `WalletEntry` objects. */
  nodes: Array<Maybe<WalletEntry>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `WalletEntry` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `WalletEntry` edge in the connection. */
export type WalletEntryEdge = {
  __typename?: 'WalletEntryEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `WalletEntry` at the end of the edge. */
  node?: Maybe<WalletEntry>;
};

/** Methods to use when ordering `WalletEntry`. */
export type WalletEntryOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'IDEMPOTENCY_KEY_ASC'
  | 'IDEMPOTENCY_KEY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Methods to use when ordering `Wallet`. */
export type WalletOrderBy =
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Every HTTP attempt of a delivery: status code, duration, error, and the first 2 KiB of the response. */
export type WebhookAttempt = Node & {
  __typename?: 'WebhookAttempt';
  createdAt: Scalars['Datetime']['output'];
  deliveryId: Scalars['UUID']['output'];
  durationMs: Scalars['Int']['output'];
  error?: Maybe<Scalars['String']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  isSuccess: Scalars['Boolean']['output'];
  responseBody?: Maybe<Scalars['String']['output']>;
  rowId: Scalars['UUID']['output'];
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** Reads a single `Tenant` that is related to this `WebhookAttempt`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `WebhookDelivery` that is related to this `WebhookAttempt`. */
  tenantDelivery?: Maybe<WebhookDelivery>;
  tenantId: Scalars['UUID']['output'];
};

/**
 * A condition to be used against `WebhookAttempt` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type WebhookAttemptCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `deliveryId` field. */
  deliveryId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `WebhookAttempt` values. */
export type WebhookAttemptConnection = {
  __typename?: 'WebhookAttemptConnection';
  /** A list of edges which contains the `WebhookAttempt` and cursor to aid in pagination. */
  edges: Array<Maybe<WebhookAttemptEdge>>;
  /** A list of `WebhookAttempt` objects. */
  nodes: Array<Maybe<WebhookAttempt>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `WebhookAttempt` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `WebhookAttempt` edge in the connection. */
export type WebhookAttemptEdge = {
  __typename?: 'WebhookAttemptEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `WebhookAttempt` at the end of the edge. */
  node?: Maybe<WebhookAttempt>;
};

/** Methods to use when ordering `WebhookAttempt`. */
export type WebhookAttemptOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'DELIVERY_ID_ASC'
  | 'DELIVERY_ID_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** One event for one endpoint: its status and attempts. `id` is the `webhook-id` header, the same on every retry and replay (receivers deduplicate on it). */
export type WebhookDelivery = Node & {
  __typename?: 'WebhookDelivery';
  attemptCount: Scalars['Int']['output'];
  createdAt: Scalars['Datetime']['output'];
  deliveredAt?: Maybe<Scalars['Datetime']['output']>;
  endpointId: Scalars['UUID']['output'];
  eventId: Scalars['UUID']['output'];
  eventType: Scalars['String']['output'];
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  nextAttemptAt?: Maybe<Scalars['Datetime']['output']>;
  /** Attempts in the current series (a replay starts a new series). */
  retryIndex: Scalars['Int']['output'];
  rowId: Scalars['UUID']['output'];
  /** pending (queued or waiting to retry), succeeded (a 2xx answer) or failed (retries exhausted, or the endpoint is disabled). */
  status: Scalars['String']['output'];
  /** Reads a single `Tenant` that is related to this `WebhookDelivery`. */
  tenant?: Maybe<Tenant>;
  /** Reads a single `WebhookEndpoint` that is related to this `WebhookDelivery`. */
  tenantEndpoint?: Maybe<WebhookEndpoint>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** Reads and enables pagination through a set of `WebhookAttempt`. */
  webhookAttemptsByTenantIdAndDeliveryId: WebhookAttemptConnection;
};


/** One event for one endpoint: its status and attempts. `id` is the `webhook-id` header, the same on every retry and replay (receivers deduplicate on it). */
export type WebhookDeliveryWebhookAttemptsByTenantIdAndDeliveryIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookAttemptCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookAttemptOrderBy>>;
};

/**
 * A condition to be used against `WebhookDelivery` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type WebhookDeliveryCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `endpointId` field. */
  endpointId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `eventId` field. */
  eventId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `status` field. */
  status?: InputMaybe<Scalars['String']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `WebhookDelivery` values. */
export type WebhookDeliveryConnection = {
  __typename?: 'WebhookDeliveryConnection';
  /** A list of edges which contains the `WebhookDelivery` and cursor to aid in pagination. */
  edges: Array<Maybe<WebhookDeliveryEdge>>;
  /** A list of `WebhookDelivery` objects. */
  nodes: Array<Maybe<WebhookDelivery>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `WebhookDelivery` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `WebhookDelivery` edge in the connection. */
export type WebhookDeliveryEdge = {
  __typename?: 'WebhookDeliveryEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `WebhookDelivery` at the end of the edge. */
  node?: Maybe<WebhookDelivery>;
};

/** Methods to use when ordering `WebhookDelivery`. */
export type WebhookDeliveryOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'ENDPOINT_ID_ASC'
  | 'ENDPOINT_ID_DESC'
  | 'EVENT_ID_ASC'
  | 'EVENT_ID_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'STATUS_ASC'
  | 'STATUS_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Where the workspace's events are POSTed, signed per Standard Webhooks. Create with createWebhookEndpoint; needs `webhooks:manage`. */
export type WebhookEndpoint = Node & {
  __typename?: 'WebhookEndpoint';
  createdAt: Scalars['Datetime']['output'];
  createdBy?: Maybe<Scalars['UUID']['output']>;
  description: Scalars['String']['output'];
  /** Why the platform disabled the endpoint, if it did. */
  disabledReason?: Maybe<Scalars['String']['output']>;
  /** Event types to deliver (keys of eventTypes); empty = all. */
  eventTypes: Array<Maybe<Scalars['String']['output']>>;
  /** Start of the current run of failed attempts; null after a success. */
  failingSince?: Maybe<Scalars['Datetime']['output']>;
  /** A globally unique identifier. Can be used in various places throughout the system to identify this single value. */
  id: Scalars['ID']['output'];
  /** Disabled endpoints receive nothing. The platform disables an endpoint that fails continuously (WEBHOOK_DISABLE_AFTER_SECONDS); enabling it again resets that. */
  isEnabled: Scalars['Boolean']['output'];
  /** Reads a single `Membership` that is related to this `WebhookEndpoint`. */
  membershipByTenantIdAndCreatedBy?: Maybe<Membership>;
  rowId: Scalars['UUID']['output'];
  /** Reads a single `Tenant` that is related to this `WebhookEndpoint`. */
  tenant?: Maybe<Tenant>;
  tenantId: Scalars['UUID']['output'];
  updatedAt: Scalars['Datetime']['output'];
  /** An http(s) URL on a public host; private, loopback and link-local addresses are refused, also when a name resolves to one. */
  url: Scalars['String']['output'];
  /** Reads and enables pagination through a set of `WebhookDelivery`. */
  webhookDeliveriesByTenantIdAndEndpointId: WebhookDeliveryConnection;
};


/** Where the workspace's events are POSTed, signed per Standard Webhooks. Create with createWebhookEndpoint; needs `webhooks:manage`. */
export type WebhookEndpointWebhookDeliveriesByTenantIdAndEndpointIdArgs = {
  after?: InputMaybe<Scalars['Cursor']['input']>;
  before?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookDeliveryCondition>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<Array<WebhookDeliveryOrderBy>>;
};

/**
 * A condition to be used against `WebhookEndpoint` object types. All fields are
 * tested for equality and combined with a logical ‘and.’
 */
export type WebhookEndpointCondition = {
  /** Checks for equality with the object’s `createdAt` field. */
  createdAt?: InputMaybe<Scalars['Datetime']['input']>;
  /** Checks for equality with the object’s `createdBy` field. */
  createdBy?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `rowId` field. */
  rowId?: InputMaybe<Scalars['UUID']['input']>;
  /** Checks for equality with the object’s `tenantId` field. */
  tenantId?: InputMaybe<Scalars['UUID']['input']>;
};

/** A connection to a list of `WebhookEndpoint` values. */
export type WebhookEndpointConnection = {
  __typename?: 'WebhookEndpointConnection';
  /** A list of edges which contains the `WebhookEndpoint` and cursor to aid in pagination. */
  edges: Array<Maybe<WebhookEndpointEdge>>;
  /** A list of `WebhookEndpoint` objects. */
  nodes: Array<Maybe<WebhookEndpoint>>;
  /** Information to aid in pagination. */
  pageInfo: PageInfo;
  /** The count of *all* `WebhookEndpoint` you could get from the connection. */
  totalCount: Scalars['Int']['output'];
};

/** A `WebhookEndpoint` edge in the connection. */
export type WebhookEndpointEdge = {
  __typename?: 'WebhookEndpointEdge';
  /** A cursor for use in pagination. */
  cursor?: Maybe<Scalars['Cursor']['output']>;
  /** The `WebhookEndpoint` at the end of the edge. */
  node?: Maybe<WebhookEndpoint>;
};

/** Methods to use when ordering `WebhookEndpoint`. */
export type WebhookEndpointOrderBy =
  | 'CREATED_AT_ASC'
  | 'CREATED_AT_DESC'
  | 'CREATED_BY_ASC'
  | 'CREATED_BY_DESC'
  | 'NATURAL'
  | 'PRIMARY_KEY_ASC'
  | 'PRIMARY_KEY_DESC'
  | 'ROW_ID_ASC'
  | 'ROW_ID_DESC'
  | 'TENANT_ID_ASC'
  | 'TENANT_ID_DESC';

/** Represents an update to a `WebhookEndpoint`. Fields that are set will be updated. */
export type WebhookEndpointPatch = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Event types to deliver (keys of eventTypes); empty = all. */
  eventTypes?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>>>;
  /** Disabled endpoints receive nothing. The platform disables an endpoint that fails continuously (WEBHOOK_DISABLE_AFTER_SECONDS); enabling it again resets that. */
  isEnabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** An http(s) URL on a public host; private, loopback and link-local addresses are refused, also when a name resolves to one. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** A domain event of your active workspace, delivered live by the `workspaceEvent` subscription. */
export type WorkspaceEvent = {
  __typename?: 'WorkspaceEvent';
  /** The signed-in user whose action caused the event, if any. */
  actorUserId?: Maybe<Scalars['UUID']['output']>;
  occurredAt: Scalars['Datetime']['output'];
  /** The event's payload, as documented by its event type's schema. */
  payload: Scalars['JSON']['output'];
  /** The event's id (webhook deliveries carry the same id). */
  rowId: Scalars['UUID']['output'];
  /** The event type, a key of `eventTypes` (e.g. `member.joined`). */
  type: Scalars['String']['output'];
};

export type AccountSecurityQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountSecurityQuery = { __typename?: 'Query', currentUser?: { __typename?: 'User', rowId: string, name: string, email: string, isVerified: boolean, mfaEnabled?: boolean | null } | null };

export type ApiKeysQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type ApiKeysQuery = { __typename?: 'Query', apiKeys?: { __typename?: 'ApiKeyConnection', nodes: Array<{ __typename?: 'ApiKey', rowId: string, name: string, type: string, prefix: string, scopes: unknown, permissions: Array<string | null>, allowedDomains: Array<string | null>, expiresAt?: string | null, lastUsedAt?: string | null, revokedAt?: string | null, createdAt: string } | null> } | null, apiKeyScopes?: { __typename?: 'ApiKeyScopeConnection', nodes: Array<{ __typename?: 'ApiKeyScope', service: string, scope: string, permission: string, isPublic: boolean } | null> } | null };

export type CreateApiKeyMutationVariables = Exact<{
  name: Scalars['String']['input'];
  type?: InputMaybe<Scalars['String']['input']>;
  scopes?: InputMaybe<Scalars['JSON']['input']>;
  allowedDomains?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>> | InputMaybe<Scalars['String']['input']>>;
  expiresIn?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateApiKeyMutation = { __typename?: 'Mutation', createApiKey?: { __typename?: 'CreateApiKeyPayload', result?: { __typename?: 'CreatedApiKey', secret?: string | null, apiKey?: { __typename?: 'ApiKey', rowId: string, name: string, type: string, prefix: string, permissions: Array<string | null>, expiresAt?: string | null } | null } | null } | null };

export type RollApiKeyMutationVariables = Exact<{
  apiKeyId: Scalars['UUID']['input'];
}>;


export type RollApiKeyMutation = { __typename?: 'Mutation', rollApiKey?: { __typename?: 'RollApiKeyPayload', result?: { __typename?: 'CreatedApiKey', secret?: string | null, apiKey?: { __typename?: 'ApiKey', rowId: string, prefix: string } | null } | null } | null };

export type RevokeApiKeyMutationVariables = Exact<{
  apiKeyId: Scalars['UUID']['input'];
}>;


export type RevokeApiKeyMutation = { __typename?: 'Mutation', revokeApiKey?: { __typename?: 'RevokeApiKeyPayload', result?: { __typename?: 'ApiKey', rowId: string, revokedAt?: string | null } | null } | null };

export type UpdateApiKeyMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
  patch: ApiKeyPatch;
}>;


export type UpdateApiKeyMutation = { __typename?: 'Mutation', updateApiKey?: { __typename?: 'UpdateApiKeyPayload', apiKey?: { __typename?: 'ApiKey', rowId: string, name: string, scopes: unknown, permissions: Array<string | null>, allowedDomains: Array<string | null> } | null } | null };

export type AuditEntriesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  tableName?: InputMaybe<Scalars['String']['input']>;
  action?: InputMaybe<Scalars['String']['input']>;
  event?: InputMaybe<Scalars['String']['input']>;
  actorUserId?: InputMaybe<Scalars['UUID']['input']>;
  actorApiKeyId?: InputMaybe<Scalars['UUID']['input']>;
  occurredAfter?: InputMaybe<Scalars['Datetime']['input']>;
  occurredBefore?: InputMaybe<Scalars['Datetime']['input']>;
}>;


export type AuditEntriesQuery = { __typename?: 'Query', auditChainIntact?: boolean | null, auditEntries?: { __typename?: 'AuditLogConnection', nodes: Array<{ __typename?: 'AuditLog', rowId: string, seq: string, occurredAt: string, action: string, event?: string | null, tableName?: string | null, recordId?: string | null, diff: unknown, actorUserId?: string | null, actorApiKeyId?: string | null, requestId?: string | null, ip?: any | null } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type BillingOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingOverviewQuery = { __typename?: 'Query', currentTenant?: { __typename?: 'Tenant', rowId: string, billingAccount?: { __typename?: 'BillingAccount', plan: string, limits: unknown } | null, wallet?: { __typename?: 'Wallet', balance: string } | null, planSubscriptions: { __typename?: 'PlanSubscriptionConnection', nodes: Array<{ __typename?: 'PlanSubscription', rowId: string, plan: string, status: string, currentPeriodEnd?: string | null, cancelAtPeriodEnd: boolean } | null> }, tenantAddons: { __typename?: 'TenantAddonConnection', nodes: Array<{ __typename?: 'TenantAddon', rowId: string, addon: string, status: string, activatedAt: string, cancelledAt?: string | null } | null> } } | null, billingUsage?: { __typename?: 'BillingUsageConnection', nodes: Array<{ __typename?: 'BillingUsageRecord', service?: string | null, resource?: string | null, used?: string | null, limit?: any | null } | null> } | null };

export type BillingCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type BillingCatalogQuery = { __typename?: 'Query', plans?: { __typename?: 'PlanConnection', nodes: Array<{ __typename?: 'Plan', key: string, name: string, description: string, priceMonthlyPaise: string, priceYearlyPaise: string, currency: string, services: unknown } | null> } | null, coinPacks?: { __typename?: 'CoinPackConnection', nodes: Array<{ __typename?: 'CoinPack', key: string, name: string, coins: string, pricePaise: string, currency: string } | null> } | null, addons?: { __typename?: 'AddonConnection', nodes: Array<{ __typename?: 'Addon', key: string, name: string, description: string, coinCost: string, isRecurring: boolean, increments: unknown, plans?: Array<string | null> | null } | null> } | null };

export type WalletLedgerQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type WalletLedgerQuery = { __typename?: 'Query', walletEntries?: { __typename?: 'WalletEntryConnection', totalCount: number, nodes: Array<{ __typename?: 'WalletEntry', rowId: string, amount: string, balanceAfter: string, kind: string, reference: string, createdAt: string } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type InvoicesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InvoicesQuery = { __typename?: 'Query', invoices?: { __typename?: 'InvoiceConnection', nodes: Array<{ __typename?: 'Invoice', rowId: string, amountPaise: string, currency: string, status: string, paidAt?: string | null, createdAt: string } | null> } | null };

export type PurchaseAddonMutationVariables = Exact<{
  addonKey: Scalars['String']['input'];
  idempotencyKey: Scalars['String']['input'];
}>;


export type PurchaseAddonMutation = { __typename?: 'Mutation', purchaseAddon?: { __typename?: 'PurchaseAddonPayload', result?: { __typename?: 'TenantAddon', rowId: string, addon: string, status: string } | null } | null };

export type CancelAddonMutationVariables = Exact<{
  tenantAddonId: Scalars['UUID']['input'];
}>;


export type CancelAddonMutation = { __typename?: 'Mutation', cancelAddon?: { __typename?: 'CancelAddonPayload', result?: { __typename?: 'TenantAddon', rowId: string, status: string, cancelledAt?: string | null } | null } | null };

export type StartCheckoutMutationVariables = Exact<{
  plan: Scalars['String']['input'];
  interval?: Scalars['String']['input'];
}>;


export type StartCheckoutMutation = { __typename?: 'Mutation', startCheckout?: { __typename?: 'StartCheckoutPayload', planSubscriptionId: string, subscriptionId: string, shortUrl?: string | null, keyId?: string | null } | null };

export type BuyCoinsMutationVariables = Exact<{
  coinPack: Scalars['String']['input'];
}>;


export type BuyCoinsMutation = { __typename?: 'Mutation', buyCoins?: { __typename?: 'BuyCoinsPayload', coinOrderId: string, orderId: string, amount: string, currency: string, keyId?: string | null } | null };

export type ChangePlanMutationVariables = Exact<{
  plan: Scalars['String']['input'];
  interval?: InputMaybe<Scalars['String']['input']>;
}>;


export type ChangePlanMutation = { __typename?: 'Mutation', changePlan?: { __typename?: 'ChangePlanPayload', planSubscriptionId: string, plan: string, interval: string } | null };

export type CancelSubscriptionMutationVariables = Exact<{ [key: string]: never; }>;


export type CancelSubscriptionMutation = { __typename?: 'Mutation', cancelSubscription?: { __typename?: 'CancelSubscriptionPayload', planSubscriptionId: string, cancelAtPeriodEnd: boolean } | null };

export type MeterUsageQueryVariables = Exact<{ [key: string]: never; }>;


export type MeterUsageQuery = { __typename?: 'Query', meterUsage?: { __typename?: 'MeterUsageConnection', nodes: Array<{ __typename?: 'MeterUsageRecord', meter?: string | null, description?: string | null, unit?: string | null, period?: string | null, used?: string | null, limit?: any | null, remaining?: any | null, resetsAt?: string | null } | null> } | null };

export type PostFieldsFragment = { __typename?: 'Post', rowId: string, title: string, body: string, status: string, authorId?: string | null, publishedAt?: string | null, createdAt: string, updatedAt: string };

export type PostsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<PostCondition>;
}>;


export type PostsQuery = { __typename?: 'Query', posts?: { __typename?: 'PostConnection', totalCount: number, nodes: Array<{ __typename?: 'Post', rowId: string, title: string, body: string, status: string, authorId?: string | null, publishedAt?: string | null, createdAt: string, updatedAt: string } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type PostQueryVariables = Exact<{
  id: Scalars['UUID']['input'];
}>;


export type PostQuery = { __typename?: 'Query', post?: { __typename?: 'Post', rowId: string, title: string, body: string, status: string, authorId?: string | null, publishedAt?: string | null, createdAt: string, updatedAt: string } | null };

export type CreatePostMutationVariables = Exact<{
  post: PostInput;
}>;


export type CreatePostMutation = { __typename?: 'Mutation', createPost?: { __typename?: 'CreatePostPayload', post?: { __typename?: 'Post', rowId: string, title: string, body: string, status: string, authorId?: string | null, publishedAt?: string | null, createdAt: string, updatedAt: string } | null } | null };

export type UpdatePostMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
  patch: PostPatch;
}>;


export type UpdatePostMutation = { __typename?: 'Mutation', updatePost?: { __typename?: 'UpdatePostPayload', post?: { __typename?: 'Post', rowId: string, title: string, body: string, status: string, authorId?: string | null, publishedAt?: string | null, createdAt: string, updatedAt: string } | null } | null };

export type DeletePostMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
}>;


export type DeletePostMutation = { __typename?: 'Mutation', deletePost?: { __typename?: 'DeletePostPayload', post?: { __typename?: 'Post', rowId: string } | null } | null };

export type SubmitContactMessageMutationVariables = Exact<{
  name: Scalars['String']['input'];
  email: Scalars['String']['input'];
  message: Scalars['String']['input'];
}>;


export type SubmitContactMessageMutation = { __typename?: 'Mutation', submitContactMessage?: { __typename?: 'SubmitContactMessagePayload', result?: boolean | null } | null };

export type CustomDomainsQueryVariables = Exact<{ [key: string]: never; }>;


export type CustomDomainsQuery = { __typename?: 'Query', customDomains?: { __typename?: 'CustomDomainConnection', nodes: Array<{ __typename?: 'CustomDomain', rowId: string, hostname: string, status: string, txtRecordName?: string | null, txtRecordValue?: string | null, verifiedAt?: string | null, lastCheckedAt?: string | null, lastError?: string | null } | null> } | null };

export type AddCustomDomainMutationVariables = Exact<{
  hostname: Scalars['String']['input'];
}>;


export type AddCustomDomainMutation = { __typename?: 'Mutation', addCustomDomain?: { __typename?: 'AddCustomDomainPayload', result?: { __typename?: 'CustomDomain', rowId: string, hostname: string, status: string, txtRecordName?: string | null, txtRecordValue?: string | null } | null } | null };

export type RecheckCustomDomainMutationVariables = Exact<{
  customDomainId: Scalars['UUID']['input'];
}>;


export type RecheckCustomDomainMutation = { __typename?: 'Mutation', recheckCustomDomain?: { __typename?: 'RecheckCustomDomainPayload', result?: { __typename?: 'CustomDomain', rowId: string, status: string } | null } | null };

export type RemoveCustomDomainMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
}>;


export type RemoveCustomDomainMutation = { __typename?: 'Mutation', deleteCustomDomain?: { __typename?: 'DeleteCustomDomainPayload', customDomain?: { __typename?: 'CustomDomain', rowId: string } | null } | null };

export type FilesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type FilesQuery = { __typename?: 'Query', files?: { __typename?: 'FileConnection', totalCount: number, nodes: Array<{ __typename?: 'File', rowId: string, folder: string, name: string, contentType: string, sizeBytes: string, visibility: string, status: string, createdAt: string, uploadedAt?: string | null, membershipByTenantIdAndUploadedBy?: { __typename?: 'Membership', user?: { __typename?: 'User', rowId: string, name: string, email: string } | null } | null } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type UpdateFileVisibilityMutationVariables = Exact<{
  rowId: Scalars['UUID']['input'];
  visibility: Scalars['String']['input'];
}>;


export type UpdateFileVisibilityMutation = { __typename?: 'Mutation', updateFile?: { __typename?: 'UpdateFilePayload', file?: { __typename?: 'File', rowId: string, visibility: string } | null } | null };

export type DeleteFileMutationVariables = Exact<{
  rowId: Scalars['UUID']['input'];
}>;


export type DeleteFileMutation = { __typename?: 'Mutation', deleteFile?: { __typename?: 'DeleteFilePayload', file?: { __typename?: 'File', rowId: string } | null } | null };

export type CurrentUserQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentUserQuery = { __typename?: 'Query', currentUser?: { __typename?: 'User', rowId: string, email: string, name: string, avatarUrl?: string | null, isVerified: boolean } | null, currentTenant?: { __typename?: 'Tenant', rowId: string, name: string, slug: string } | null };

export type MyMembershipsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type MyMembershipsQuery = { __typename?: 'Query', myMemberships?: { __typename?: 'MembershipConnection', nodes: Array<{ __typename?: 'Membership', rowId: string, role?: string | null, customRoleId?: string | null, tenant?: { __typename?: 'Tenant', rowId: string, name: string, slug: string } | null } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type UpdateProfileMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
  patch: UserPatch;
}>;


export type UpdateProfileMutation = { __typename?: 'Mutation', updateUser?: { __typename?: 'UpdateUserPayload', user?: { __typename?: 'User', rowId: string, name: string, avatarUrl?: string | null } | null } | null };

export type NotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationSettingsQuery = { __typename?: 'Query', eventTypes?: { __typename?: 'EventTypeConnection', nodes: Array<{ __typename?: 'EventType', key: string, description: string, notify: string } | null> } | null, notificationPreferences?: { __typename?: 'NotificationPreferenceConnection', nodes: Array<{ __typename?: 'NotificationPreference', userId: string, eventType: string, channel: string, isEnabled: boolean, slackWebhookUrl?: string | null } | null> } | null };

export type NotificationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<NotificationCondition>;
}>;


export type NotificationsQuery = { __typename?: 'Query', notifications?: { __typename?: 'NotificationConnection', totalCount: number, nodes: Array<{ __typename?: 'Notification', rowId: string, eventType: string, title: string, data: unknown, readAt?: string | null, createdAt: string } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type MarkNotificationReadMutationVariables = Exact<{
  notificationId: Scalars['UUID']['input'];
}>;


export type MarkNotificationReadMutation = { __typename?: 'Mutation', markNotificationRead?: { __typename?: 'MarkNotificationReadPayload', result?: { __typename?: 'Notification', rowId: string, readAt?: string | null } | null } | null };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { __typename?: 'Mutation', markAllNotificationsRead?: { __typename?: 'MarkAllNotificationsReadPayload', result?: number | null } | null };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { __typename?: 'Query', notificationPreferences?: { __typename?: 'NotificationPreferenceConnection', nodes: Array<{ __typename?: 'NotificationPreference', userId: string, eventType: string, channel: string, isEnabled: boolean, slackWebhookUrl?: string | null } | null> } | null };

export type SetNotificationPreferenceMutationVariables = Exact<{
  preference: NotificationPreferenceInput;
}>;


export type SetNotificationPreferenceMutation = { __typename?: 'Mutation', createNotificationPreference?: { __typename?: 'CreateNotificationPreferencePayload', notificationPreference?: { __typename?: 'NotificationPreference', eventType: string, channel: string, isEnabled: boolean } | null } | null };

export type UpdateNotificationPreferenceMutationVariables = Exact<{
  userId: Scalars['UUID']['input'];
  eventType: Scalars['String']['input'];
  channel: Scalars['String']['input'];
  patch: NotificationPreferencePatch;
}>;


export type UpdateNotificationPreferenceMutation = { __typename?: 'Mutation', updateNotificationPreference?: { __typename?: 'UpdateNotificationPreferencePayload', notificationPreference?: { __typename?: 'NotificationPreference', eventType: string, channel: string, isEnabled: boolean, slackWebhookUrl?: string | null } | null } | null };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { __typename?: 'Subscription', notificationAdded?: { __typename?: 'Notification', rowId: string, eventType: string, title: string, data: unknown, readAt?: string | null, createdAt: string } | null };

export type WorkspaceEventSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WorkspaceEventSubscription = { __typename?: 'Subscription', workspaceEvent?: { __typename?: 'WorkspaceEvent', rowId: string, type: string, payload: unknown, actorUserId?: string | null, occurredAt: string } | null };

export type WorkspaceSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkspaceSettingsQuery = { __typename?: 'Query', currentTenant?: { __typename?: 'Tenant', rowId: string, name: string, slug: string, tenantSetting?: { __typename?: 'TenantSetting', displayName?: string | null, logoUrl?: string | null, primaryColor?: string | null, timezone: string, locale: string, weekStart: number, preferences: unknown } | null, tenantServices: { __typename?: 'TenantServiceConnection', nodes: Array<{ __typename?: 'TenantService', service: string, enabled: boolean, limits: unknown } | null> } } | null };

export type UpdateWorkspaceSettingsMutationVariables = Exact<{
  tenantId: Scalars['UUID']['input'];
  patch: TenantSettingPatch;
}>;


export type UpdateWorkspaceSettingsMutation = { __typename?: 'Mutation', updateTenantSetting?: { __typename?: 'UpdateTenantSettingPayload', tenantSetting?: { __typename?: 'TenantSetting', displayName?: string | null, logoUrl?: string | null, primaryColor?: string | null, timezone: string, locale: string, weekStart: number, preferences: unknown } | null } | null };

export type RenameWorkspaceMutationVariables = Exact<{
  tenantId: Scalars['UUID']['input'];
  name: Scalars['String']['input'];
}>;


export type RenameWorkspaceMutation = { __typename?: 'Mutation', updateTenant?: { __typename?: 'UpdateTenantPayload', tenant?: { __typename?: 'Tenant', rowId: string, name: string } | null } | null };

export type TeamMembersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
}>;


export type TeamMembersQuery = { __typename?: 'Query', currentTenant?: { __typename?: 'Tenant', rowId: string, memberships: { __typename?: 'MembershipConnection', totalCount: number, nodes: Array<{ __typename?: 'Membership', rowId: string, role?: string | null, customRoleId?: string | null, createdAt: string, user?: { __typename?: 'User', rowId: string, name: string, email: string, avatarUrl?: string | null } | null } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type InvitationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type InvitationsQuery = { __typename?: 'Query', invitations?: { __typename?: 'InvitationConnection', nodes: Array<{ __typename?: 'Invitation', rowId: string, email: string, role?: string | null, customRoleId?: string | null, expiresAt: string, acceptedAt?: string | null, revokedAt?: string | null, createdAt: string } | null> } | null };

export type InviteMemberMutationVariables = Exact<{
  email: Scalars['String']['input'];
  role?: InputMaybe<Scalars['String']['input']>;
  customRoleId?: InputMaybe<Scalars['UUID']['input']>;
}>;


export type InviteMemberMutation = { __typename?: 'Mutation', inviteMember?: { __typename?: 'InviteMemberPayload', result?: { __typename?: 'Invitation', rowId: string, email: string, role?: string | null, customRoleId?: string | null, expiresAt: string } | null } | null };

export type RevokeInvitationMutationVariables = Exact<{
  invitationId: Scalars['UUID']['input'];
}>;


export type RevokeInvitationMutation = { __typename?: 'Mutation', revokeInvitation?: { __typename?: 'RevokeInvitationPayload', result?: { __typename?: 'Invitation', rowId: string, revokedAt?: string | null } | null } | null };

export type AcceptInvitationMutationVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type AcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation?: { __typename?: 'AcceptInvitationPayload', result?: { __typename?: 'Membership', rowId: string, tenantId: string, role?: string | null } | null } | null };

export type ChangeMemberRoleMutationVariables = Exact<{
  membershipId: Scalars['UUID']['input'];
  role?: InputMaybe<Scalars['String']['input']>;
  customRoleId?: InputMaybe<Scalars['UUID']['input']>;
}>;


export type ChangeMemberRoleMutation = { __typename?: 'Mutation', changeMemberRole?: { __typename?: 'ChangeMemberRolePayload', result?: { __typename?: 'Membership', rowId: string, role?: string | null, customRoleId?: string | null } | null } | null };

export type RemoveMemberMutationVariables = Exact<{
  membershipId: Scalars['UUID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember?: { __typename?: 'RemoveMemberPayload', result?: { __typename?: 'Membership', rowId: string } | null } | null };

export type CreateWorkspaceMutationVariables = Exact<{
  name: Scalars['String']['input'];
  slug?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateWorkspaceMutation = { __typename?: 'Mutation', createWorkspace?: { __typename?: 'CreateWorkspacePayload', result?: { __typename?: 'CreatedWorkspace', switchTenantPath?: string | null, tenant?: { __typename?: 'Tenant', rowId: string, name: string, slug: string } | null } | null } | null };

export type LeaveWorkspaceMutationVariables = Exact<{ [key: string]: never; }>;


export type LeaveWorkspaceMutation = { __typename?: 'Mutation', leaveTenant?: { __typename?: 'LeaveTenantPayload', result?: { __typename?: 'Membership', rowId: string } | null } | null };

export type TransferOwnershipMutationVariables = Exact<{
  membershipId: Scalars['UUID']['input'];
}>;


export type TransferOwnershipMutation = { __typename?: 'Mutation', transferOwnership?: { __typename?: 'TransferOwnershipPayload', result?: { __typename?: 'Membership', rowId: string, role?: string | null } | null } | null };

export type DeleteWorkspaceMutationVariables = Exact<{
  confirmSlug: Scalars['String']['input'];
}>;


export type DeleteWorkspaceMutation = { __typename?: 'Mutation', deleteTenant?: { __typename?: 'DeleteTenantPayload', result?: boolean | null } | null };

export type RolesAndPermissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesAndPermissionsQuery = { __typename?: 'Query', roles?: { __typename?: 'RoleConnection', nodes: Array<{ __typename?: 'Role', rowId: string, key: string, name: string, description: string, permissions: Array<string | null> } | null> } | null, roleTemplates?: { __typename?: 'RoleTemplateConnection', nodes: Array<{ __typename?: 'RoleTemplate', key: string, name: string, description: string, permissions: Array<string | null>, rank: number } | null> } | null, permissions?: { __typename?: 'PermissionConnection', nodes: Array<{ __typename?: 'Permission', key: string, description: string } | null> } | null };

export type CreateRoleMutationVariables = Exact<{
  role: RoleInput;
}>;


export type CreateRoleMutation = { __typename?: 'Mutation', createRole?: { __typename?: 'CreateRolePayload', role?: { __typename?: 'Role', rowId: string, key: string, name: string, permissions: Array<string | null> } | null } | null };

export type UpdateRoleMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
  patch: RolePatch;
}>;


export type UpdateRoleMutation = { __typename?: 'Mutation', updateRole?: { __typename?: 'UpdateRolePayload', role?: { __typename?: 'Role', rowId: string, name: string, description: string, permissions: Array<string | null> } | null } | null };

export type DeleteRoleMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
}>;


export type DeleteRoleMutation = { __typename?: 'Mutation', deleteRole?: { __typename?: 'DeleteRolePayload', role?: { __typename?: 'Role', rowId: string } | null } | null };

export type WebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebhookEndpointsQuery = { __typename?: 'Query', webhookEndpoints?: { __typename?: 'WebhookEndpointConnection', nodes: Array<{ __typename?: 'WebhookEndpoint', rowId: string, url: string, description: string, eventTypes: Array<string | null>, isEnabled: boolean, failingSince?: string | null, disabledReason?: string | null, createdAt: string } | null> } | null, eventTypes?: { __typename?: 'EventTypeConnection', nodes: Array<{ __typename?: 'EventType', key: string, description: string } | null> } | null };

export type CreateWebhookEndpointMutationVariables = Exact<{
  url: Scalars['String']['input'];
  eventTypes?: InputMaybe<Array<InputMaybe<Scalars['String']['input']>> | InputMaybe<Scalars['String']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
}>;


export type CreateWebhookEndpointMutation = { __typename?: 'Mutation', createWebhookEndpoint?: { __typename?: 'CreateWebhookEndpointPayload', result?: { __typename?: 'CreatedWebhookEndpoint', secret?: string | null, webhookEndpoint?: { __typename?: 'WebhookEndpoint', rowId: string, url: string, eventTypes: Array<string | null>, isEnabled: boolean } | null } | null } | null };

export type UpdateWebhookEndpointMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
  patch: WebhookEndpointPatch;
}>;


export type UpdateWebhookEndpointMutation = { __typename?: 'Mutation', updateWebhookEndpoint?: { __typename?: 'UpdateWebhookEndpointPayload', webhookEndpoint?: { __typename?: 'WebhookEndpoint', rowId: string, url: string, description: string, eventTypes: Array<string | null>, isEnabled: boolean } | null } | null };

export type DeleteWebhookEndpointMutationVariables = Exact<{
  id: Scalars['UUID']['input'];
}>;


export type DeleteWebhookEndpointMutation = { __typename?: 'Mutation', deleteWebhookEndpoint?: { __typename?: 'DeleteWebhookEndpointPayload', webhookEndpoint?: { __typename?: 'WebhookEndpoint', rowId: string } | null } | null };

export type RotateWebhookSecretMutationVariables = Exact<{
  endpointId: Scalars['UUID']['input'];
  overlapSeconds?: InputMaybe<Scalars['Int']['input']>;
}>;


export type RotateWebhookSecretMutation = { __typename?: 'Mutation', rotateWebhookSecret?: { __typename?: 'RotateWebhookSecretPayload', result?: { __typename?: 'CreatedWebhookEndpoint', secret?: string | null, webhookEndpoint?: { __typename?: 'WebhookEndpoint', rowId: string } | null } | null } | null };

export type WebhookDeliveriesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['Cursor']['input']>;
  condition?: InputMaybe<WebhookDeliveryCondition>;
}>;


export type WebhookDeliveriesQuery = { __typename?: 'Query', webhookDeliveries?: { __typename?: 'WebhookDeliveryConnection', nodes: Array<{ __typename?: 'WebhookDelivery', rowId: string, endpointId: string, eventId: string, eventType: string, status: string, attemptCount: number, lastStatusCode?: number | null, lastError?: string | null, nextAttemptAt?: string | null, deliveredAt?: string | null, createdAt: string, webhookAttemptsByTenantIdAndDeliveryId: { __typename?: 'WebhookAttemptConnection', nodes: Array<{ __typename?: 'WebhookAttempt', statusCode?: number | null, isSuccess: boolean, durationMs: number, error?: string | null, responseBody?: string | null, createdAt: string } | null> } } | null>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null };

export type ReplayWebhookDeliveryMutationVariables = Exact<{
  deliveryId: Scalars['UUID']['input'];
}>;


export type ReplayWebhookDeliveryMutation = { __typename?: 'Mutation', replayWebhookDelivery?: { __typename?: 'ReplayWebhookDeliveryPayload', result?: { __typename?: 'WebhookDelivery', rowId: string, status: string } | null } | null };

export type ReplayFailedWebhookDeliveriesMutationVariables = Exact<{
  endpointId: Scalars['UUID']['input'];
  since: Scalars['Datetime']['input'];
}>;


export type ReplayFailedWebhookDeliveriesMutation = { __typename?: 'Mutation', replayFailedWebhookDeliveries?: { __typename?: 'ReplayFailedWebhookDeliveriesPayload', result?: number | null } | null };

export type SendTestWebhookMutationVariables = Exact<{
  endpointId: Scalars['UUID']['input'];
}>;


export type SendTestWebhookMutation = { __typename?: 'Mutation', sendTestWebhook?: { __typename?: 'SendTestWebhookPayload', result?: { __typename?: 'WebhookDelivery', rowId: string, status: string } | null } | null };

export const PostFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"authorId"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PostFieldsFragment, unknown>;
export const AccountSecurityDocument = {"__meta__":{"hash":"ef2b3a1481b286f9b61be59e1678dca58c5a6b8c1fb6e8ea52f038d62ac1661c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccountSecurity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"isVerified"}},{"kind":"Field","name":{"kind":"Name","value":"mfaEnabled"}}]}}]}}]} as unknown as DocumentNode<AccountSecurityQuery, AccountSecurityQueryVariables>;
export const ApiKeysDocument = {"__meta__":{"hash":"2dc3583b2b513a1105e08b95d14a3e59c1541b1174220653f67f427ff760f1b2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApiKeys"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"allowedDomains"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyScopes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"scope"}},{"kind":"Field","name":{"kind":"Name","value":"permission"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}}]}}]}}]}}]} as unknown as DocumentNode<ApiKeysQuery, ApiKeysQueryVariables>;
export const CreateApiKeyDocument = {"__meta__":{"hash":"df5d28fbd7a25eef11e437bca2abff20542ff73ead56bf90cadc4b913f290f22"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"type"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"secret","block":false}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JSON"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"allowedDomains"}},"type":{"kind":"ListType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}},"defaultValue":{"kind":"StringValue","value":"90d","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"Variable","name":{"kind":"Name","value":"type"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"scopes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scopes"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"allowedDomains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"allowedDomains"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"expiresIn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expiresIn"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RollApiKeyDocument = {"__meta__":{"hash":"08f9e94333b83e029485348e1b1b80b3010cea5513fd655641da4aa0ecad2202"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RollApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"apiKeyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RollApiKeyMutation, RollApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"__meta__":{"hash":"e53fd7f993613bab9e55bec377495bf434c988a9ff071fdade747bb55d9d3905"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"apiKeyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"apiKeyId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const UpdateApiKeyDocument = {"__meta__":{"hash":"ab9addea2b4c5601f6292eb82692febb2c1f6cc9d01288dfa21a7a4ad0ec8cb4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApiKeyPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"allowedDomains"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateApiKeyMutation, UpdateApiKeyMutationVariables>;
export const AuditEntriesDocument = {"__meta__":{"hash":"9b59e2962ce7b08bd4df3d03cc5e2e91f0315aa2cf27901768a572e6e7394a44"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEntries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tableName"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"event"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorUserId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actorApiKeyId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"occurredAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Datetime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"occurredBefore"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Datetime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"tableName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tableName"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"event"},"value":{"kind":"Variable","name":{"kind":"Name","value":"event"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorUserId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorUserId"}}},{"kind":"Argument","name":{"kind":"Name","value":"actorApiKeyId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actorApiKeyId"}}},{"kind":"Argument","name":{"kind":"Name","value":"occurredAfter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"occurredAfter"}}},{"kind":"Argument","name":{"kind":"Name","value":"occurredBefore"},"value":{"kind":"Variable","name":{"kind":"Name","value":"occurredBefore"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"seq"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"event"}},{"kind":"Field","name":{"kind":"Name","value":"tableName"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"diff"}},{"kind":"Field","name":{"kind":"Name","value":"actorUserId"}},{"kind":"Field","name":{"kind":"Name","value":"actorApiKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"auditChainIntact"}}]}}]} as unknown as DocumentNode<AuditEntriesQuery, AuditEntriesQueryVariables>;
export const BillingOverviewDocument = {"__meta__":{"hash":"c180aaa3ec61163643d8a006851adc0ce62ada4947a19046283186b3eb19e13f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"billingAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"limits"}}]}},{"kind":"Field","name":{"kind":"Name","value":"wallet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balance"}}]}},{"kind":"Field","name":{"kind":"Name","value":"planSubscriptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenantAddons"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"addon"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"activatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"billingUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"resource"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}}]}}]}}]} as unknown as DocumentNode<BillingOverviewQuery, BillingOverviewQueryVariables>;
export const BillingCatalogDocument = {"__meta__":{"hash":"7eaf6f4d0d82a6453327d2bd90a04e7d690b440d81d44cfbab4bb9d73837ae45"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BillingCatalog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plans"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priceMonthlyPaise"}},{"kind":"Field","name":{"kind":"Name","value":"priceYearlyPaise"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"services"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"coinPacks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"coins"}},{"kind":"Field","name":{"kind":"Name","value":"pricePaise"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"addons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"coinCost"}},{"kind":"Field","name":{"kind":"Name","value":"isRecurring"}},{"kind":"Field","name":{"kind":"Name","value":"increments"}},{"kind":"Field","name":{"kind":"Name","value":"plans"}}]}}]}}]}}]} as unknown as DocumentNode<BillingCatalogQuery, BillingCatalogQueryVariables>;
export const WalletLedgerDocument = {"__meta__":{"hash":"8196f039b7a50e20e37237ecd327b0c3e8dc3decdd78ce3467ae444188bd723a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WalletLedger"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"walletEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"balanceAfter"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WalletLedgerQuery, WalletLedgerQueryVariables>;
export const InvoicesDocument = {"__meta__":{"hash":"3216ab39f353cb3f884c657f1367f1d91d6c0cac7a733ee1c75b283c7d14a45a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"amountPaise"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<InvoicesQuery, InvoicesQueryVariables>;
export const PurchaseAddonDocument = {"__meta__":{"hash":"068a75c65f4c4a62562e8601d9962a811d5b212e27bfcbecc9eb306cf4346826"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PurchaseAddon"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"addonKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purchaseAddon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"addonKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"addonKey"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"addon"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<PurchaseAddonMutation, PurchaseAddonMutationVariables>;
export const CancelAddonDocument = {"__meta__":{"hash":"dc2c3a7747b309806f7c7190ebbc5c68b70dc80730213557eb4e3d56093bf580"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelAddon"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantAddonId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelAddon"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"tenantAddonId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantAddonId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"cancelledAt"}}]}}]}}]}}]} as unknown as DocumentNode<CancelAddonMutation, CancelAddonMutationVariables>;
export const StartCheckoutDocument = {"__meta__":{"hash":"e572019516f0a9996774d1122859b136fd8a2bec8d4763909bf44e048120f3e7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},"defaultValue":{"kind":"StringValue","value":"monthly","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCheckout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"plan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"subscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}}]}}]}}]} as unknown as DocumentNode<StartCheckoutMutation, StartCheckoutMutationVariables>;
export const BuyCoinsDocument = {"__meta__":{"hash":"e0f3b62be837a3d10013e3cd95e2e689b3b47eed4984a05f4ef069dedf8af9ba"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BuyCoins"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"coinPack"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"buyCoins"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"coinPack"},"value":{"kind":"Variable","name":{"kind":"Name","value":"coinPack"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coinOrderId"}},{"kind":"Field","name":{"kind":"Name","value":"orderId"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"keyId"}}]}}]}}]} as unknown as DocumentNode<BuyCoinsMutation, BuyCoinsMutationVariables>;
export const ChangePlanDocument = {"__meta__":{"hash":"c909fad28a13c7f59fa831e4e2d3809b2157475b0cf88a7004444df3533bd919"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangePlan"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plan"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changePlan"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"plan"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plan"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}}]}}]}}]} as unknown as DocumentNode<ChangePlanMutation, ChangePlanMutationVariables>;
export const CancelSubscriptionDocument = {"__meta__":{"hash":"bd0e9a3b23d9a3daad1db3a561e7262f61139659c926bfa8830fa7dbea5fd01c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelSubscription"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"planSubscriptionId"}},{"kind":"Field","name":{"kind":"Name","value":"cancelAtPeriodEnd"}}]}}]}}]} as unknown as DocumentNode<CancelSubscriptionMutation, CancelSubscriptionMutationVariables>;
export const MeterUsageDocument = {"__meta__":{"hash":"04b92ea1b2504a3928ad57c13470fe03184a53f5e29ec41d2363fbe2efb7b530"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeterUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meterUsage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meter"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"used"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}},{"kind":"Field","name":{"kind":"Name","value":"remaining"}},{"kind":"Field","name":{"kind":"Name","value":"resetsAt"}}]}}]}}]}}]} as unknown as DocumentNode<MeterUsageQuery, MeterUsageQueryVariables>;
export const PostsDocument = {"__meta__":{"hash":"6c9ab107437fe112d4a5e9ddc43b48507ba55ed7496ef705778b2a803dac4275"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Posts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"condition"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PostCondition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"posts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"condition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"condition"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"authorId"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PostsQuery, PostsQueryVariables>;
export const PostDocument = {"__meta__":{"hash":"9c6ecaa8ebcb4a3d7950247a3d776bee87779c1c4bb412e95227dba3637afa90"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Post"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"authorId"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<PostQuery, PostQueryVariables>;
export const CreatePostDocument = {"__meta__":{"hash":"c39716edb04ab2f32ff26051866040ee82bbc2b633a35faa2ee674832ae65257"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreatePost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"post"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"post"},"value":{"kind":"Variable","name":{"kind":"Name","value":"post"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"authorId"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreatePostMutation, CreatePostMutationVariables>;
export const UpdatePostDocument = {"__meta__":{"hash":"1d5fda4b72b56df2898e72b1bcd314f97e8c2ff200f95b58c0e565ad58a80c25"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdatePost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PostPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updatePost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"PostFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PostFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Post"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"authorId"}},{"kind":"Field","name":{"kind":"Name","value":"publishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<UpdatePostMutation, UpdatePostMutationVariables>;
export const DeletePostDocument = {"__meta__":{"hash":"5a7fe905b60a6965e5f69105eeb2ed7237063e721f794c84ce8caaf8f0baf2db"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeletePost"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletePost"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"post"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<DeletePostMutation, DeletePostMutationVariables>;
export const SubmitContactMessageDocument = {"__meta__":{"hash":"7bcda9c2fcc29c47ec5adb054dab0f418359cfdcc7484a4d200d7f8cf520d393"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitContactMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"message"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitContactMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"message"},"value":{"kind":"Variable","name":{"kind":"Name","value":"message"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]} as unknown as DocumentNode<SubmitContactMessageMutation, SubmitContactMessageMutationVariables>;
export const CustomDomainsDocument = {"__meta__":{"hash":"2fc225732d65f0da75b41facc0253593ef145a64e02fc7ab98fb9de7fb91301f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CustomDomains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customDomains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_ASC"},{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"txtRecordName"}},{"kind":"Field","name":{"kind":"Name","value":"txtRecordValue"}},{"kind":"Field","name":{"kind":"Name","value":"verifiedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastCheckedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}}]}}]}}]}}]} as unknown as DocumentNode<CustomDomainsQuery, CustomDomainsQueryVariables>;
export const AddCustomDomainDocument = {"__meta__":{"hash":"ea5a567427c7ec12c638f4ff4477cecd5cd6a966af41dae7b22280ae128584dd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCustomDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"hostname"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCustomDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"hostname"},"value":{"kind":"Variable","name":{"kind":"Name","value":"hostname"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"hostname"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"txtRecordName"}},{"kind":"Field","name":{"kind":"Name","value":"txtRecordValue"}}]}}]}}]}}]} as unknown as DocumentNode<AddCustomDomainMutation, AddCustomDomainMutationVariables>;
export const RecheckCustomDomainDocument = {"__meta__":{"hash":"42bae4f026af0837f86ac561c11c818a159e9505fea013a7fb814e9d32158eb8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecheckCustomDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customDomainId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recheckCustomDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"customDomainId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customDomainId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<RecheckCustomDomainMutation, RecheckCustomDomainMutationVariables>;
export const RemoveCustomDomainDocument = {"__meta__":{"hash":"ebb117625e16bf666114419ba7a860a8b98a0eaa22ab486ed05489d03dce8aa1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveCustomDomain"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteCustomDomain"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customDomain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveCustomDomainMutation, RemoveCustomDomainMutationVariables>;
export const FilesDocument = {"__meta__":{"hash":"64b1179cc6914282d935a23a043930bb2ec82d449e2e058756c12eb4d3dcf4f0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Files"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"files"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"folder"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}},{"kind":"Field","name":{"kind":"Name","value":"membershipByTenantIdAndUploadedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<FilesQuery, FilesQueryVariables>;
export const UpdateFileVisibilityDocument = {"__meta__":{"hash":"eefc55d1b0f725387e502e1650c0aa1c64c918c12dd19e48c3a61c2f68628b53"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateFileVisibility"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"visibility"},"value":{"kind":"Variable","name":{"kind":"Name","value":"visibility"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateFileVisibilityMutation, UpdateFileVisibilityMutationVariables>;
export const DeleteFileDocument = {"__meta__":{"hash":"d265fde57f5329cd1dee1a6e1db12c4a01a1b95e5794a9855a5ac37a971fb8eb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"rowId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"rowId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteFileMutation, DeleteFileMutationVariables>;
export const CurrentUserDocument = {"__meta__":{"hash":"08470806197e893962f3cb13979b2b7dac0b49e79ce4b3b09b68c3b5116f31cb"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentUser"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}},{"kind":"Field","name":{"kind":"Name","value":"isVerified"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]} as unknown as DocumentNode<CurrentUserQuery, CurrentUserQueryVariables>;
export const MyMembershipsDocument = {"__meta__":{"hash":"343a43d7ca910250141b9ded209b02578383deda3c8b45112058c78623fe435c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyMemberships"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"myMemberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"customRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyMembershipsQuery, MyMembershipsQueryVariables>;
export const UpdateProfileDocument = {"__meta__":{"hash":"f40ead73369028e1073bc215c8da4ffa1bbea0902da34cc5c0475fd1adafcb3f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UserPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateProfileMutation, UpdateProfileMutationVariables>;
export const NotificationSettingsDocument = {"__meta__":{"hash":"c49cfd377daa602c5daeac76ca73fb8cf3065d8cd6e6de0b74c02aeb1b943a7f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"notify"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"notificationPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"slackWebhookUrl"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationSettingsQuery, NotificationSettingsQueryVariables>;
export const NotificationsDocument = {"__meta__":{"hash":"f7da007f84a3c0ccbc1ab9c54a36dc9b52b07998f01181df094c2ed1c97e783d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"30"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"condition"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationCondition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"condition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"condition"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationReadDocument = {"__meta__":{"hash":"1b9f9abd3a1a424e29305a6f687d7b7228f6fd8f8f39ee9cf31689ddfeb1c79c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"notificationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"notificationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"notificationId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationReadMutation, MarkNotificationReadMutationVariables>;
export const MarkAllNotificationsReadDocument = {"__meta__":{"hash":"0a4a765dafd424c0a5d4287000c222e7611ad0984bfff902facef705c4067e4e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkAllNotificationsRead"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markAllNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]} as unknown as DocumentNode<MarkAllNotificationsReadMutation, MarkAllNotificationsReadMutationVariables>;
export const NotificationPreferencesDocument = {"__meta__":{"hash":"71f696e6e69c1d4e38c19a9a8fd1ddcca30c60ddfebfdddaedeb131d746f6f79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NotificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"slackWebhookUrl"}}]}}]}}]}}]} as unknown as DocumentNode<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const SetNotificationPreferenceDocument = {"__meta__":{"hash":"804beb29341c333aa1ae10122194c02086f79b68d6afd2e300850af9d560e511"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetNotificationPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"preference"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createNotificationPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"notificationPreference"},"value":{"kind":"Variable","name":{"kind":"Name","value":"preference"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<SetNotificationPreferenceMutation, SetNotificationPreferenceMutationVariables>;
export const UpdateNotificationPreferenceDocument = {"__meta__":{"hash":"d2d723ef909b0cd83b2258fe9b46e30b57c2890082aac9f8035f180109bcb53d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateNotificationPreference"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventType"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"channel"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"NotificationPreferencePatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateNotificationPreference"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"eventType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventType"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"channel"},"value":{"kind":"Variable","name":{"kind":"Name","value":"channel"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationPreference"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"slackWebhookUrl"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateNotificationPreferenceMutation, UpdateNotificationPreferenceMutationVariables>;
export const NotificationAddedDocument = {"__meta__":{"hash":"7233f9547a57d74b15c47e4d98a90e607a24fe6b1b74f5f515cb52c21f030c2e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notificationAdded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<NotificationAddedSubscription, NotificationAddedSubscriptionVariables>;
export const WorkspaceEventDocument = {"__meta__":{"hash":"341b6f34b6212be69e6b44de1ee2358e39a0196a6314e24b87eb8730c00c5055"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WorkspaceEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workspaceEvent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"payload"}},{"kind":"Field","name":{"kind":"Name","value":"actorUserId"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}}]}}]}}]} as unknown as DocumentNode<WorkspaceEventSubscription, WorkspaceEventSubscriptionVariables>;
export const WorkspaceSettingsDocument = {"__meta__":{"hash":"0c50c304cf6c99917989650691b489199039454fafc72c3eb1a4fcfa94f63811"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkspaceSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"tenantSetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"primaryColor"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"preferences"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenantServices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"service"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"limits"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkspaceSettingsQuery, WorkspaceSettingsQueryVariables>;
export const UpdateWorkspaceSettingsDocument = {"__meta__":{"hash":"597e1205ea397ec0c7801d266293b207d496cb3b4593f1a968798eb84df0ea95"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWorkspaceSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TenantSettingPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTenantSetting"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"tenantId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenantSetting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"logoUrl"}},{"kind":"Field","name":{"kind":"Name","value":"primaryColor"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}},{"kind":"Field","name":{"kind":"Name","value":"locale"}},{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"preferences"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateWorkspaceSettingsMutation, UpdateWorkspaceSettingsMutationVariables>;
export const RenameWorkspaceDocument = {"__meta__":{"hash":"f2b2e1b934fa566404ca073a24e946a2701c0d735b494bc3cc76cf881e13c121"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameWorkspace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tenantId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RenameWorkspaceMutation, RenameWorkspaceMutationVariables>;
export const TeamMembersDocument = {"__meta__":{"hash":"97baa0f4612e2d1cf00b1934fdaa36efff5e7bcefabca0de029e2367e202e562"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TeamMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_ASC"},{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"customRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"avatarUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TeamMembersQuery, TeamMembersQueryVariables>;
export const InvitationsDocument = {"__meta__":{"hash":"609559dafd8a08c6858947d8610b064dd7079991bea7a6fbca39916aa52efa58"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"customRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"acceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const InviteMemberDocument = {"__meta__":{"hash":"331d3de54dc45237df8bf1b940a9f457dfcbc0b81de727dcbf3654e8fadff5be"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"email"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customRoleId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"email"},"value":{"kind":"Variable","name":{"kind":"Name","value":"email"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"customRoleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customRoleId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"customRoleId"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const RevokeInvitationDocument = {"__meta__":{"hash":"7fe57c3b25635def5bcad6643c31d5aa3b297de1c9c635ed7ef1fa9d9ef30b4b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"invitationId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"invitationId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const AcceptInvitationDocument = {"__meta__":{"hash":"9a5cb7bef651ac8333e97871534571693e1badb7f75993a94ac147545ede575f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"tenantId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const ChangeMemberRoleDocument = {"__meta__":{"hash":"61082a28773a8be742bcccfd194c384db8e5cc616efeec356b47b5fba1d22f1d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ChangeMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customRoleId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"membershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"customRoleId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customRoleId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"customRoleId"}}]}}]}}]}}]} as unknown as DocumentNode<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = {"__meta__":{"hash":"04df8624a7e3ce9374eedabcfb0ee5102572159cb480e7d7a05f69b48b8c2728"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"membershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const CreateWorkspaceDocument = {"__meta__":{"hash":"6bc652eb176f2da45d39d5549590f5e5ebefa06f1c811432d2395ba375b42f42"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWorkspace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"slug"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkspace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"slug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"slug"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"switchTenantPath"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateWorkspaceMutation, CreateWorkspaceMutationVariables>;
export const LeaveWorkspaceDocument = {"__meta__":{"hash":"7296f494f8071bdd1fa9b519ba38676f94db1f8ae86f6dfbc57c029e9dc244fd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LeaveWorkspace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"leaveTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<LeaveWorkspaceMutation, LeaveWorkspaceMutationVariables>;
export const TransferOwnershipDocument = {"__meta__":{"hash":"7029c0a8ec41d28b83a19692d6adf0cd802ae52f28967171c8560bdfac75156f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TransferOwnership"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferOwnership"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"membershipId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"membershipId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]} as unknown as DocumentNode<TransferOwnershipMutation, TransferOwnershipMutationVariables>;
export const DeleteWorkspaceDocument = {"__meta__":{"hash":"a8cfa68831d54f4b154554c62814a105743cd03b305df3cc1e75e9061498db24"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWorkspace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"confirmSlug"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"confirmSlug"},"value":{"kind":"Variable","name":{"kind":"Name","value":"confirmSlug"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]} as unknown as DocumentNode<DeleteWorkspaceMutation, DeleteWorkspaceMutationVariables>;
export const RolesAndPermissionsDocument = {"__meta__":{"hash":"a4cdd8003e7ba06df8c1ebe78b90fadfb5e77da59a9aab99c107fc9345467dd8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RolesAndPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_ASC"},{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"roleTemplates"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"rank"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<RolesAndPermissionsQuery, RolesAndPermissionsQueryVariables>;
export const CreateRoleDocument = {"__meta__":{"hash":"d46c32f3bb95f1af370dd48d2d1b5f400e84463d52a1246bfaea99692ed64fc5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]}}]} as unknown as DocumentNode<CreateRoleMutation, CreateRoleMutationVariables>;
export const UpdateRoleDocument = {"__meta__":{"hash":"33862b8b255eecde739f325341f9aa0e3c47eaff0c0e48de82f7ad406e01dc61"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RolePatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateRoleMutation, UpdateRoleMutationVariables>;
export const DeleteRoleDocument = {"__meta__":{"hash":"5ed2a7cb54a24dffcd8960a1885dc20bb0bd14f986a06e14f2208fab085e7d8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteRoleMutation, DeleteRoleMutationVariables>;
export const WebhookEndpointsDocument = {"__meta__":{"hash":"393bae20b4dc4edf312307d577f5fa64ec4f6dc33394ffdc769cd992e4a74076"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_ASC"},{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"failingSince"}},{"kind":"Field","name":{"kind":"Name","value":"disabledReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PRIMARY_KEY_ASC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookEndpointsQuery, WebhookEndpointsQueryVariables>;
export const CreateWebhookEndpointDocument = {"__meta__":{"hash":"cfc25570afb72a707c8448478b38caee8573a8cbf70940231ced283779c2885d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"url"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}},"type":{"kind":"ListType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"description"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"url"},"value":{"kind":"Variable","name":{"kind":"Name","value":"url"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"eventTypes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"eventTypes"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"description"},"value":{"kind":"Variable","name":{"kind":"Name","value":"description"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CreateWebhookEndpointMutation, CreateWebhookEndpointMutationVariables>;
export const UpdateWebhookEndpointDocument = {"__meta__":{"hash":"b4acacf9273090928e131d4ba22775bddeb46fb05123593f76eafd26d05f3708"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"patch"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookEndpointPatch"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"patch"},"value":{"kind":"Variable","name":{"kind":"Name","value":"patch"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"eventTypes"}},{"kind":"Field","name":{"kind":"Name","value":"isEnabled"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateWebhookEndpointMutation, UpdateWebhookEndpointMutationVariables>;
export const DeleteWebhookEndpointDocument = {"__meta__":{"hash":"433f92478dd2b9c685f10335220680d9bd5226703d4889bc0cf0749fd07a8e75"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWebhookEndpoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWebhookEndpoint"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"rowId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteWebhookEndpointMutation, DeleteWebhookEndpointMutationVariables>;
export const RotateWebhookSecretDocument = {"__meta__":{"hash":"a416f78bb19cef567ac5eccd18f26f8c27e1453e972010b4a823f6a7c5a826a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RotateWebhookSecret"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overlapSeconds"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rotateWebhookSecret"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"endpointId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"overlapSeconds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overlapSeconds"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RotateWebhookSecretMutation, RotateWebhookSecretMutationVariables>;
export const WebhookDeliveriesDocument = {"__meta__":{"hash":"4a471becfd88c0b4a872a48b2e516e29a923d4b307cd0f1adeeb94818af06f0f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Cursor"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"condition"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WebhookDeliveryCondition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"webhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"condition"},"value":{"kind":"Variable","name":{"kind":"Name","value":"condition"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"endpointId"}},{"kind":"Field","name":{"kind":"Name","value":"eventId"}},{"kind":"Field","name":{"kind":"Name","value":"eventType"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attemptCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastStatusCode"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"nextAttemptAt"}},{"kind":"Field","name":{"kind":"Name","value":"deliveredAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"webhookAttemptsByTenantIdAndDeliveryId"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CREATED_AT_DESC"},{"kind":"EnumValue","value":"PRIMARY_KEY_DESC"}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"statusCode"}},{"kind":"Field","name":{"kind":"Name","value":"isSuccess"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"responseBody"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<WebhookDeliveriesQuery, WebhookDeliveriesQueryVariables>;
export const ReplayWebhookDeliveryDocument = {"__meta__":{"hash":"24a02080d27ecdb1ac61c4e5270afe516a244dc71ac677e1ff54b34880b5bd8c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayWebhookDelivery"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayWebhookDelivery"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"deliveryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deliveryId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<ReplayWebhookDeliveryMutation, ReplayWebhookDeliveryMutationVariables>;
export const ReplayFailedWebhookDeliveriesDocument = {"__meta__":{"hash":"fb1aeed91d37c37d04ddfab3dee061163e85324109bea314b6dcd946955f647d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReplayFailedWebhookDeliveries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"since"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Datetime"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"replayFailedWebhookDeliveries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"endpointId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"since"},"value":{"kind":"Variable","name":{"kind":"Name","value":"since"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]}}]} as unknown as DocumentNode<ReplayFailedWebhookDeliveriesMutation, ReplayFailedWebhookDeliveriesMutationVariables>;
export const SendTestWebhookDocument = {"__meta__":{"hash":"269f0ccecad1ef920c01de998159ba0d24c78ffeb982f26f6149ff5963fdd659"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendTestWebhook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UUID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendTestWebhook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"endpointId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"endpointId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rowId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SendTestWebhookMutation, SendTestWebhookMutationVariables>;