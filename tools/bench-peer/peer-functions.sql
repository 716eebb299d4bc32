-- Computed columns for the bench's peer (PostGraphile), installed in the bench's own database only:
-- the market value of a holding exactly as finmart's lines value it (funds and gold: units × latest
-- unit price; forex: the currency amount; insurance: premiums paid; cards: a debit balance, a credit
-- card 0), to cents, trailing zeros trimmed as finmart's Decimal scalar prints them; and a
-- customer's open positions (ACTIVE or PENDING), as `Customer.holdings` lists them.
create or replace function public.holdings_market_value_amount(h public.holdings) returns text language sql stable as $$
  select trim_scale(case
    when p.line = 'FOREX' then round(h.quantity, 2)
    when p.line = 'INSURANCE' then h.cost_amount
    when p.line = 'CARDS' then case when h.attributes->>'cardKind' = 'DEBIT' then round(h.cost_amount, 2) else 0 end
    when p.unit_price is not null then round(h.quantity * p.unit_price, 2)
    else round(h.cost_amount, 2) end)::text
  from public.products p where p.id = h.product_id
$$;
create or replace function public.holdings_market_value_currency(h public.holdings) returns text language sql stable as $$
  select case when p.line in ('FOREX','INSURANCE','CARDS') or p.unit_price is not null then p.currency else h.cost_currency end
  from public.products p where p.id = h.product_id
$$;
create or replace function public.customers_open_holdings(c public.customers) returns setof public.holdings language sql stable as $$
  select * from public.holdings h where h.customer_id = c.id and h.status in ('ACTIVE','PENDING') order by h.id
$$;
