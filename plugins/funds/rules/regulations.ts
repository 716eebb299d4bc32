import { text } from '../../../src/sdk/index.js';

/** The regulations the funds rules implement, cited once. */
export const REGULATIONS = {
  assetManagementGuidelines: text(
    '《关于规范金融机构资产管理业务的指导意见》（银发〔2018〕106号，资管新规）第五条',
    'Guidelines on Regulating the Asset Management Business of Financial Institutions (2018), Art. 5',
  ),
  privateCoolingOff: text(
    '《商业银行理财业务监督管理办法》（私募理财产品投资冷静期）；《私募投资基金募集行为管理办法》（投资冷静期不少于二十四小时）',
    'Measures on the Wealth Management Business of Commercial Banks (private product cooling-off); Measures on Fundraising by Private Investment Funds (cooling-off of at least 24 hours)',
  ),
  bankWealthMinimum: text(
    '《商业银行理财业务监督管理办法》（公募理财产品销售起点 1 万元）；《商业银行理财子公司管理办法》（不设销售起点）',
    'Measures on the Wealth Management Business of Commercial Banks (CNY 10,000 minimum for public products); Measures on Wealth Management Subsidiaries (no minimum)',
  ),
  sipTerms: text('基金合同及招募说明书（定期定额投资业务规则）', 'Fund contract and prospectus (regular investment plan terms)'),
  qdii: text(
    '《合格境内机构投资者境外证券投资管理试行办法》（汇率风险揭示）',
    'Trial Measures on Overseas Securities Investment by Qualified Domestic Institutional Investors (currency risk disclosure)',
  ),
} as const;
