'use strict';

const TAX_RATE = 0.2;

function isEmpty(items) {
  return items.length === 0;
}

function describeLine(item) {
  const name = item.name.trim();
  const unit = item.unit || 'pcs';
  const qty = item.quantity > 1 ? ` x${item.quantity}` : '';
  return `${name}${qty} ${unit}: ${item.unitPrice.toFixed(2)}`;
}

function cartTotal(items, coupon) {
  let total = 0;
  for (const item of items) {
    if (item.quantity <= 0) {
      continue;
    }
    const price = item.unitPrice * item.quantity;
    total += item.taxable ? price * (1 + TAX_RATE) : price;
  }
  if (coupon && coupon.percent > 0) {
    total -= (total * coupon.percent) / 100;
  }
  return Math.round(total * 100) / 100;
}

module.exports = { cartTotal, describeLine, isEmpty };
